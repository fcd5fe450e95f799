using CascadeGuard.Primitives;

namespace CascadeGuard.Volatility;

/// <summary>
/// Configuration of a <see cref="CongestionSignal"/>. The signal copies the values at construction.
/// </summary>
public sealed class CongestionSignalOptions
{
    /// <summary>
    /// The observation level that means "no congestion" (for example 20 gwei, or 5 ms order-entry latency).
    /// Zero (the default) learns it: an exponential average of ln(observation) with half-life
    /// <see cref="BaselineHalfLife"/>, seeded with the first observation.
    /// </summary>
    public double Baseline { get; set; }

    /// <summary>Half-life, in observations, of the learned baseline. Default 1 008 (one week of 10-minute observations); at least 1.</summary>
    public double BaselineHalfLife { get; set; } = 1008;

    /// <summary>The multiple of the baseline that reads as full congestion (signal 1). Default 10; greater than 1.</summary>
    public double SaturationMultiple { get; set; } = 10;

    /// <summary>
    /// Half-life, in observations, of an exponential smoothing of ln(observation) before it is compared with the
    /// baseline. Default 0: no smoothing, each observation counts alone.
    /// </summary>
    public double SmoothingHalfLife { get; set; }

    /// <summary>Checks every range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names the property and value.</exception>
    public void Validate()
    {
        Guard.FiniteNonNegative(Baseline);
        Guard.InRange(BaselineHalfLife, 1, 1e9);
        Guard.InHalfOpenRange(SaturationMultiple, 1, 1e12);
        Guard.InRange(SmoothingHalfLife, 0, 1e9);
    }

    internal CongestionSignalOptions Clone() => (CongestionSignalOptions)MemberwiseClone();
}
