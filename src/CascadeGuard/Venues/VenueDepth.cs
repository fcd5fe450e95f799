using CascadeGuard.Depth;
using CascadeGuard.Primitives;

namespace CascadeGuard.Venues;

/// <summary>
/// Depth questions asked of any <see cref="IVenue"/>: the largest trade within a slippage bound, and the impact curve
/// (execution and price impact as functions of quantity). Allocation-free; formulas in docs/depth.md.
/// </summary>
/// <remarks>Thread-safe when the venue is.</remarks>
public static class VenueDepth
{
    /// <summary>The largest quantity whose slippage stays within <paramref name="bound"/>.</summary>
    /// <param name="venue">The venue.</param>
    /// <param name="side">The trade's direction.</param>
    /// <param name="bound">The slippage bound; the reference is the venue's mid or its best price on <paramref name="side"/>.</param>
    /// <returns>Base units.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="venue"/> is null.</exception>
    public static double MaxQuantityWithin(IVenue venue, TradeSide side, SlippageBound bound)
    {
        Guard.NotNull(venue);
        var reference = bound.Reference == SlippageReference.Mid ? venue.MidPrice : venue.BestPrice(side);
        return venue.MaxQuantityWithin(side, bound.LimitPrice(side, reference), bound.Measure);
    }

    /// <summary>Evaluates the impact curve at the given quantities: one execution per quantity.</summary>
    /// <param name="venue">The venue.</param>
    /// <param name="side">The trade's direction.</param>
    /// <param name="quantities">Base units; each finite, zero or more.</param>
    /// <param name="destination">Receives the executions (<see cref="Execution.SlippageVsMidBps"/> is the cost,
    /// <see cref="Execution.ImpactBps"/> the marginal price move); at least as long as <paramref name="quantities"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="venue"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short; nothing is written.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A quantity is out of range; nothing is written.</exception>
    public static void ImpactCurve(IVenue venue, TradeSide side, ReadOnlySpan<double> quantities, Span<Execution> destination)
    {
        Guard.NotNull(venue);
        Guard.DestinationLength(destination, quantities.Length);
        for (var i = 0; i < quantities.Length; i++)
        {
            if (!double.IsFinite(quantities[i]) || quantities[i] < 0)
            {
                Guard.Throw($"{nameof(quantities)}[{i}]", quantities[i], "must be finite and zero or positive");
            }
        }

        for (var i = 0; i < quantities.Length; i++)
        {
            destination[i] = venue.Execute(side, quantities[i]);
        }
    }

    /// <summary>Samples the impact curve at <c>destination.Length</c> evenly spaced quantities up to <paramref name="maxQuantity"/>.</summary>
    /// <param name="venue">The venue.</param>
    /// <param name="side">The trade's direction.</param>
    /// <param name="maxQuantity">The last quantity sampled; finite, positive. Point i is at (i + 1)/n of it.</param>
    /// <param name="destination">Receives the executions.</param>
    /// <exception cref="ArgumentNullException"><paramref name="venue"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxQuantity"/> is out of range.</exception>
    public static void SampleImpactCurve(IVenue venue, TradeSide side, double maxQuantity, Span<Execution> destination)
    {
        Guard.NotNull(venue);
        Guard.FinitePositive(maxQuantity);
        for (var i = 0; i < destination.Length; i++)
        {
            destination[i] = venue.Execute(side, maxQuantity * (i + 1) / destination.Length);
        }
    }
}
