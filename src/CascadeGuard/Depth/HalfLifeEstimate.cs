namespace CascadeGuard.Depth;

/// <summary>A book's recovery half-life fitted from snapshots after a depletion.</summary>
/// <param name="HalfLife">ln 2 ÷ the fitted recovery rate.</param>
/// <param name="RatePerSecond">ρ, the fitted exponential recovery rate per second.</param>
/// <param name="InitialDeficit">The fitted missing depth at the first snapshot, base units.</param>
/// <param name="RSquared">Fit quality of the log-linear regression, in [0, 1].</param>
/// <param name="Observations">Snapshots with depth still missing that entered the fit.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct HalfLifeEstimate(TimeSpan HalfLife, double RatePerSecond, double InitialDeficit, double RSquared, int Observations);
