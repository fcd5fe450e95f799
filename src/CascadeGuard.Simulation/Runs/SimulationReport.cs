namespace CascadeGuard.Simulation.Runs;

/// <summary>Everything a simulation request produced, ready to print.</summary>
/// <param name="Request">The request.</param>
/// <param name="Accounts">Accounts per world.</param>
/// <param name="StepLength">Length of a step.</param>
/// <param name="Parameters">Every parameter with its source.</param>
/// <param name="Policies">One summary per policy, in request order.</param>
/// <param name="Timing">Where the time went.</param>
internal sealed record SimulationReport(
    SimulationRequest Request,
    int Accounts,
    TimeSpan StepLength,
    IReadOnlyList<Parameter> Parameters,
    IReadOnlyList<PolicySummary> Policies,
    SimulationTiming Timing);

/// <summary>Wall-clock time of a request (not part of any deterministic output).</summary>
/// <param name="Total">From start to summaries.</param>
/// <param name="Worlds">Worlds simulated.</param>
/// <param name="AccountSteps">Accounts × steps × worlds.</param>
internal sealed record SimulationTiming(TimeSpan Total, int Worlds, long AccountSteps);
