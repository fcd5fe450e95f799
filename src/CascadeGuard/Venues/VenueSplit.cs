using CascadeGuard.Depth;
using CascadeGuard.Primitives;

namespace CascadeGuard.Venues;

/// <summary>
/// Splits a sale across venues for the same asset so that marginal prices are equal: the proceeds of each venue are
/// concave in the quantity sold there, so the split that maximises total proceeds sells on every venue down to one common
/// price P* (or up to the venue's cap), with Σ qᵢ(P*) = Q where qᵢ(P) is the quantity venue i takes before its marginal
/// price falls below P. P* is found by bisection to the last representable double; venues whose liquidity ends exactly at
/// P* (a book level) share the remainder in proportion to what they offer there. See docs/depth.md.
/// </summary>
/// <remarks>Thread-safe when the venues are. Allocation-free.</remarks>
public static class VenueSplit
{
    /// <summary>Splits a sale of <paramref name="quantity"/> across <paramref name="venues"/>.</summary>
    /// <param name="venues">The venues; none null.</param>
    /// <param name="caps">Most base units each venue may take (for example its throttle's available budget); each zero
    /// or more, <see cref="double.PositiveInfinity"/> for none; as long as <paramref name="venues"/>.</param>
    /// <param name="quantity">Base units to sell; finite, zero or more.</param>
    /// <param name="allocations">Receives the base units to sell on each venue; at least as long as <paramref name="venues"/>.</param>
    /// <returns>The totals and the common marginal price.</returns>
    /// <exception cref="ArgumentException">Lengths disagree, a venue is null, or a buffer is too short; nothing is written.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> or a cap is out of range; nothing is written.</exception>
    public static SplitResult Sell(ReadOnlySpan<IVenue> venues, ReadOnlySpan<double> caps, double quantity, Span<double> allocations)
    {
        Guard.FiniteNonNegative(quantity);
        Guard.SameLength(venues, caps);

        Guard.DestinationLength(allocations, venues.Length);
        for (var i = 0; i < venues.Length; i++)
        {
            if (venues[i] is null)
            {
                throw new ArgumentException($"'{nameof(venues)}[{i.ToString(System.Globalization.CultureInfo.InvariantCulture)}]' is null.", nameof(venues));
            }

            if (double.IsNaN(caps[i]) || caps[i] < 0)
            {
                Guard.Throw($"{nameof(caps)}[{i}]", caps[i], "must be zero or positive (or positive infinity)");
            }
        }

        allocations = allocations[..venues.Length];
        var curve = new SaleCurve(venues, caps, quantity);
        var reachable = 0.0;
        var highest = 0.0;
        for (var i = 0; i < venues.Length; i++)
        {
            allocations[i] = Math.Min(caps[i], venues[i].Capacity(TradeSide.Sell));
            reachable += allocations[i];
            highest = Math.Max(highest, venues[i].BestPrice(TradeSide.Sell));
        }

        if (quantity == 0)
        {
            allocations.Clear();
            return new SplitResult(0, 0, 0, highest);
        }

        if (reachable <= quantity)
        {
            return Totals(venues, allocations, quantity, LowestMarginal(venues, allocations));
        }

        var low = LowestMarginal(venues, allocations, quantity);
        for (var i = 0; i < 64 && low > 0 && curve.Evaluate(low) > 0; i++)
        {
            low *= 0.5;
        }

        // The largest price at which the venues together take at least Q; one step above it they take less.
        var price = BoundarySearch.LastNonPositive(curve, low, Math.BitIncrement(highest));
        var above = Math.BitIncrement(price);
        double atPrice = 0, abovePrice = 0;
        for (var i = 0; i < venues.Length; i++)
        {
            atPrice += curve.Take(i, price);
            abovePrice += curve.Take(i, above);
        }

        var share = atPrice > abovePrice ? (quantity - abovePrice) / (atPrice - abovePrice) : 0.0;
        for (var i = 0; i < venues.Length; i++)
        {
            var upper = curve.Take(i, above);
            allocations[i] = upper + ((curve.Take(i, price) - upper) * share);
        }

        return Totals(venues, allocations, quantity, price);
    }

    private static SplitResult Totals(ReadOnlySpan<IVenue> venues, ReadOnlySpan<double> allocations, double quantity, double marginal)
    {
        double filled = 0, notional = 0;
        for (var i = 0; i < venues.Length; i++)
        {
            filled += allocations[i];
            if (allocations[i] > 0)
            {
                notional += venues[i].Execute(TradeSide.Sell, allocations[i]).Notional;
            }
        }

        return new SplitResult(quantity, filled, notional, marginal);
    }

    /// <summary>The lowest marginal price over venues at the given quantities (capped by <paramref name="atMost"/>).</summary>
    private static double LowestMarginal(ReadOnlySpan<IVenue> venues, ReadOnlySpan<double> quantities, double atMost = double.PositiveInfinity)
    {
        var lowest = double.PositiveInfinity;
        for (var i = 0; i < venues.Length; i++)
        {
            if (quantities[i] > 0)
            {
                lowest = Math.Min(lowest, venues[i].MarginalPrice(TradeSide.Sell, Math.Min(quantities[i], atMost)));
            }
        }

        return double.IsPositiveInfinity(lowest) ? 0.0 : lowest;
    }

    /// <summary>f(P) = Q − Σ min(capᵢ, qᵢ(P)): non-decreasing in P, so the split price is its last non-positive point.</summary>
    private readonly ref struct SaleCurve(ReadOnlySpan<IVenue> venues, ReadOnlySpan<double> caps, double quantity) : IRealFunction
    {
        private readonly ReadOnlySpan<IVenue> _venues = venues;
        private readonly ReadOnlySpan<double> _caps = caps;

        public double Take(int i, double price) =>
            _caps[i] > 0 ? Math.Min(_caps[i], _venues[i].MaxQuantityWithin(TradeSide.Sell, price, SlippageMeasure.WorstPrice)) : 0.0;

        public double Evaluate(double x)
        {
            var total = 0.0;
            for (var i = 0; i < _venues.Length; i++)
            {
                total += Take(i, x);
            }

            return quantity - total;
        }
    }
}
