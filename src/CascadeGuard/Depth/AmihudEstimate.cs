namespace CascadeGuard.Depth;

/// <summary>The Amihud illiquidity ratio over a window: the mean of |return| ÷ notional volume per interval.</summary>
/// <param name="Illiquidity">Mean |r| per unit of notional traded (unscaled; papers often quote it × 10⁶).</param>
/// <param name="StandardDeviation">Sample standard deviation of the per-interval ratios; zero with one interval.</param>
/// <param name="Observations">Intervals with positive volume that were used.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct AmihudEstimate(double Illiquidity, double StandardDeviation, int Observations);
