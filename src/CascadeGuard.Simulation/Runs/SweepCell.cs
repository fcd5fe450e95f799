namespace CascadeGuard.Simulation.Runs;

/// <summary>One cell of a sweep: means across runs for the baseline and the policy.</summary>
internal sealed record SweepCell(
    double Shock,
    double DebtToDepth,
    TimeSpan HalfLife,
    double Leverage,
    double BaselineBadDebt,
    double PolicyBadDebt,
    double BaselineDrawdown,
    double PolicyDrawdown,
    double BaselineLiquidated,
    double PolicyLiquidated)
{
    /// <summary>Bad debt below one unit of the debt asset is rounding dust, not a loss: it counts as none.</summary>
    public const double Immaterial = 1.0;

    /// <summary>
    /// Relative bad-debt reduction <c>(baseline − policy) / max(baseline, policy)</c>, in [−1, 1]: +1 the policy removes
    /// all of the baseline's bad debt, −1 it has bad debt where the baseline has none, 0 both equal (or both below
    /// <see cref="Immaterial"/>).
    /// </summary>
    public double Reduction
    {
        get
        {
            var scale = Math.Max(BaselineBadDebt, PolicyBadDebt);
            return scale >= Immaterial ? (BaselineBadDebt - PolicyBadDebt) / scale : 0;
        }
    }
}
