namespace CascadeGuard.Volatility;

/// <summary>
/// Garman–Klass (1980) estimator over the last <c>window</c> bars: mean of ½(ln H/L)² − (2 ln 2 − 1)(ln C/O)².
/// Uses all four prices of a bar; assumes no drift and no opening gap. Every term is positive for a valid bar, since
/// |ln C/O| ≤ ln H/L and ½ > 2 ln 2 − 1. Amortised O(1) per bar, no allocation.
/// </summary>
public sealed class GarmanKlassVolatility : RangeVolatilityEstimator
{
    /// <summary>Creates the estimator.</summary>
    /// <param name="window">Number of bars in the estimate; in [1, <see cref="VolatilityEstimators.MaxWindow"/>].</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is out of range.</exception>
    public GarmanKlassVolatility(int window)
        : base(window)
    {
    }

    private protected override double Term(in OhlcBar bar) => GarmanKlassTerm.Of(bar);
}
