using CascadeGuard.Primitives;

namespace CascadeGuard.Depth;

/// <summary>
/// A limit on slippage: at most <see cref="MaxBps"/> basis points, measured on <see cref="Measure"/> (average or worst
/// price) from <see cref="Reference"/> (mid or best). For a sale the limit price is <c>ref·(1 − bps/10⁴)</c>, for a purchase
/// <c>ref·(1 + bps/10⁴)</c>. See docs/depth.md.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct SlippageBound
{
    /// <summary>Creates a bound.</summary>
    /// <param name="maxBps">The most slippage allowed, in basis points; finite, in [0, 10 000].</param>
    /// <param name="measure">The price the bound applies to.</param>
    /// <param name="reference">The price slippage is measured from.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range or undefined.</exception>
    public SlippageBound(double maxBps, SlippageMeasure measure = SlippageMeasure.AveragePrice, SlippageReference reference = SlippageReference.Mid)
    {
        Guard.InRange(maxBps, 0.0, Slippage.BasisPoints);
        if ((uint)measure > (uint)SlippageMeasure.WorstPrice)
        {
            Guard.Throw(nameof(measure), measure, "must be a defined measure");
        }

        if ((uint)reference > (uint)SlippageReference.Best)
        {
            Guard.Throw(nameof(reference), reference, "must be a defined reference");
        }

        MaxBps = maxBps;
        Measure = measure;
        Reference = reference;
    }

    /// <summary>The most slippage allowed, in basis points.</summary>
    public double MaxBps { get; }

    /// <summary>The price the bound applies to.</summary>
    public SlippageMeasure Measure { get; }

    /// <summary>The price slippage is measured from.</summary>
    public SlippageReference Reference { get; }

    /// <summary>The worst acceptable price for a trade on <paramref name="side"/> given the reference price.</summary>
    /// <param name="side">The trade's direction.</param>
    /// <param name="referencePrice">The mid or best price, per <see cref="Reference"/>; finite and positive.</param>
    /// <returns>The limit price; zero or more.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="referencePrice"/> is not finite and positive.</exception>
    public double LimitPrice(TradeSide side, double referencePrice)
    {
        Guard.FinitePositive(referencePrice);
        return Slippage.Limit(side, referencePrice, MaxBps);
    }
}
