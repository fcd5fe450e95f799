using CascadeGuard.Primitives;

namespace CascadeGuard.Depth;

/// <summary>Settings of a <see cref="VpinEstimator"/>. Validated and copied when the estimator is built.</summary>
public sealed class VpinOptions
{
    /// <summary>
    /// V, the volume that fills one bucket, in base units; finite and positive. Easley, López de Prado and O'Hara (2012) use
    /// one fiftieth of average daily volume. Default 1 (set it for your market).
    /// </summary>
    public double BucketVolume { get; set; } = 1.0;

    /// <summary>n, the number of most recent buckets VPIN averages over; in [1, 10 000]. Default 50, as in the paper.</summary>
    public int WindowBuckets { get; set; } = 50;

    /// <summary>
    /// σ of the price change between consecutive observations, used by bulk volume classification. Zero (the default)
    /// estimates it online as the sample standard deviation of the changes seen so far; a positive finite value fixes it
    /// (for example from history).
    /// </summary>
    public double PriceChangeStandardDeviation { get; set; }

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it and its value.</exception>
    public void Validate()
    {
        Guard.FinitePositive(BucketVolume);
        Guard.InRange(WindowBuckets, 1, 10_000);
        Guard.FiniteNonNegative(PriceChangeStandardDeviation);
    }
}
