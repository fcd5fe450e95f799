using CascadeGuard.Primitives;
using CascadeGuard.Simulation.Market;

namespace CascadeGuard.Simulation.Policies;

/// <summary>Read-only view of the collateral's order book for a policy (it never sees the exogenous path).</summary>
internal readonly struct MarketView(ImpactMarket market)
{
    /// <summary>The mid price now (the best bid).</summary>
    public double Mid => market.Mid;

    /// <summary>Units that can be sold before the marginal price falls below <paramref name="limitPrice"/>.</summary>
    public double UnitsAbove(double limitPrice) => market.UnitsAbove(limitPrice);

    /// <summary>
    /// Renders the bid side as discrete levels every <paramref name="spacing"/> (a fraction of the mid) below the mid,
    /// for components that take L2 levels: level k holds the units between <c>mid·(1 − k·s)</c> and
    /// <c>mid·(1 − (k+1)·s)</c>, priced at its upper edge. Returns the levels written.
    /// </summary>
    public int CopyBids(double spacing, Span<double> prices, Span<double> units)
    {
        Guard.InHalfOpenRange(spacing, 0, 1);
        var mid = market.Mid;
        var levels = Math.Min(prices.Length, units.Length);
        var written = 0;
        var above = 0.0;
        for (var k = 0; k < levels; k++)
        {
            var bottom = mid * (1 - ((k + 1) * spacing));
            if (bottom <= 0)
            {
                break;
            }

            var cumulative = market.UnitsAbove(bottom);
            prices[written] = mid * (1 - (k * spacing));
            units[written] = double.IsPositiveInfinity(cumulative) ? double.MaxValue : cumulative - above;
            above = cumulative;
            written++;
        }

        return written;
    }
}
