namespace CascadeGuard.Simulation.Runs;

/// <summary>One world's outcome.</summary>
/// <param name="Metrics">One value per <see cref="Metric"/>.</param>
/// <param name="Series">Per-step record, when asked for.</param>
/// <param name="Conservation">The ledger's three conservation errors at the end (all exactly zero when correct).</param>
internal sealed record RunResult(double[] Metrics, RunSeries? Series, (decimal Collateral, decimal Debt, decimal Stable) Conservation)
{
    public double this[Metric metric] => Metrics[(int)metric];

    public bool Conserved => Conservation is { Collateral: 0m, Debt: 0m, Stable: 0m };
}
