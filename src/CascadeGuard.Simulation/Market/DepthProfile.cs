using CascadeGuard.Primitives;

namespace CascadeGuard.Simulation.Market;

/// <summary>
/// A parametric bid side: the collateral units resting within relative distance δ below the unaffected price are
/// <c>Q(δ) = Scale · δ^Exponent</c> for 0 ≤ δ ≤ 1 (the whole book down to a price of zero holds <see cref="Scale"/>
/// units). Selling <c>x</c> units from a fresh book moves the marginal price to <c>U·(1 − δ(x))</c> with
/// <c>δ(x) = (x / Scale)^(1/Exponent)</c>. Immutable and thread-safe.
/// </summary>
internal sealed class DepthProfile
{
    public DepthProfile(double exponent, double scale)
    {
        Guard.InRange(exponent, 0.05, 20, nameof(exponent));
        Guard.FinitePositive(scale, nameof(scale));
        Exponent = exponent;
        Scale = scale;
        _inverseExponent = 1 / exponent;

        // ∫₀ˣ (u/A)^(1/β) du = A^(−1/β) · x^(1+1/β) / (1 + 1/β)
        _integralFactor = Math.Pow(scale, -_inverseExponent) / (1 + _inverseExponent);
    }

    private readonly double _inverseExponent;
    private readonly double _integralFactor;

    /// <summary>β: how fast cumulative depth grows with distance from the price.</summary>
    public double Exponent { get; }

    /// <summary>A: the units resting between the price and zero.</summary>
    public double Scale { get; }

    /// <summary>A profile with the given exponent holding <paramref name="units"/> within <paramref name="distance"/> of the price.</summary>
    public static DepthProfile WithDepthAt(double exponent, double distance, double units)
    {
        Guard.InHalfOpenRange(distance, 0, 1, nameof(distance));
        Guard.FinitePositive(units, nameof(units));
        return new DepthProfile(exponent, units / Math.Pow(distance, exponent));
    }

    /// <summary>Q(δ): units resting within relative distance δ (clamped to [0, 1]).</summary>
    public double UnitsWithin(double distance) =>
        distance <= 0 ? 0 : distance >= 1 ? Scale : Scale * Math.Pow(distance, Exponent);

    /// <summary>δ(x): the relative distance at which <paramref name="units"/> consumed units end (1 when the book is exhausted).</summary>
    public double DistanceAt(double units) =>
        units <= 0 ? 0 : units >= Scale ? 1 : Math.Pow(units / Scale, _inverseExponent);

    /// <summary>
    /// The mean relative distance paid by a sale consuming depth from <paramref name="from"/> to <paramref name="to"/>
    /// units: <c>(1/(to − from)) ∫ δ(u) du</c>, so the sale's average price is <c>U·(1 − result)</c>.
    /// </summary>
    public double MeanDistance(double from, double to)
    {
        var width = to - from;
        if (width <= 0)
        {
            return DistanceAt(from);
        }

        // For a sliver of depth the difference of two nearly equal powers cancels; the marginal distance is exact enough.
        if (width <= 1e-9 * to)
        {
            return DistanceAt(0.5 * (from + to));
        }

        var exponent = 1 + _inverseExponent;
        return _integralFactor * (Math.Pow(to, exponent) - Math.Pow(from, exponent)) / width;
    }
}
