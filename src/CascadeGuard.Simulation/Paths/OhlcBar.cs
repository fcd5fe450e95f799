namespace CascadeGuard.Simulation.Paths;

/// <summary>One recorded bar.</summary>
internal readonly record struct OhlcBar(DateTimeOffset Start, double Open, double High, double Low, double Close);
