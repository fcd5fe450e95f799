using CascadeGuard.Simulation.Policies;

namespace CascadeGuard.Simulation.Runs;

/// <summary>
/// One policy across the runs: each metric's mean and 95th percentile (R-7, Excel PERCENTILE.INC), the amplification
/// factors (feedback on over off: drawdown and bad debt; NaN when the denominator is zero and the numerator is not),
/// the first run's series, and whether every world conserved collateral and debt exactly.
/// </summary>
internal sealed record PolicySummary(
    PolicyDefinition Policy,
    double[] Mean,
    double[] P95,
    double[] WithoutFeedbackMean,
    (double Drawdown, double BadDebt) AmplificationMean,
    (double Drawdown, double BadDebt) AmplificationP95,
    RunSeries? Series,
    bool Conserved)
{
    public double MeanOf(Metric metric) => Mean[(int)metric];

    public double P95Of(Metric metric) => P95[(int)metric];
}
