using CascadeGuard.Simulation.Runs;

namespace CascadeGuard.Tool.Simulate;

/// <summary>The options of <c>cascadeguard simulate</c>, resolved into a request.</summary>
internal sealed record SimulateOptions(SimulationRequest Request, string? JsonPath, string? ReportDirectory, bool Timing);
