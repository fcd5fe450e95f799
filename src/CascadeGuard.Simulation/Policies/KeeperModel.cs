using CascadeGuard.Primitives;

namespace CascadeGuard.Simulation.Policies;

/// <summary>
/// The auction policy's takers. Keepers buy from an auction at its price <c>P</c> only to resell on the book at once, so
/// they arbitrage the auction's discount against the bids: a unit is worth taking when it resells at or above the
/// break-even price <c>P_k = P / (1 − c)</c>, where <c>c</c> is their cost (fees, gas, margin) as a share of the resale
/// price. The book holds <c>B(P_k)</c> units above that price (<see cref="MarketView.UnitsAbove"/>), and keepers together
/// take the share κ of it per step:
/// <code>
/// x = 0                                   when the discount 1 − P/m ≤ c  (m: the book's mid, its best bid)
/// x = max(0, κ · (B(P_k) + S) − S)         otherwise, S = units keepers already resold this step
/// </code>
/// capped by the auction's lot. With one auction a step this is <c>κ · B(P_k)</c>; the <c>S</c> terms make κ bound all
/// keepers' resales of a step together (<c>B + S</c> is, up to the permanent impact of those resales, the depth above
/// <c>P_k</c> before them), so several auctions in one step do not strip the book more than one would. Pure.
/// </summary>
internal readonly record struct KeeperModel
{
    public KeeperModel(double cost, double participation)
    {
        Guard.InRange(cost, 0, 1);
        if (cost >= 1)
        {
            Guard.Throw(nameof(cost), cost, "must be in [0, 1)");
        }

        Guard.InHalfOpenRange(participation, 0, 1);

        Cost = cost;
        Participation = participation;
    }

    /// <summary>c: keepers' cost of a take and its resale, as a share of the resale price.</summary>
    public double Cost { get; }

    /// <summary>κ: the share of the profitable depth keepers take per step.</summary>
    public double Participation { get; }

    /// <summary>P_k = P / (1 − c): the lowest resale price at which a unit bought at <paramref name="auctionPrice"/> pays its cost.</summary>
    public double BreakEven(double auctionPrice) => auctionPrice / (1 - Cost);

    /// <summary>
    /// Units keepers would take now from an auction priced <paramref name="auctionPrice"/>, before the lot cap
    /// (<see cref="double.PositiveInfinity"/> on a book of infinite depth), having resold <paramref name="resoldThisStep"/>
    /// units already this step.
    /// </summary>
    public double Demand(double auctionPrice, MarketView market, double resoldThisStep)
    {
        var breakEven = BreakEven(auctionPrice);
        if (!(market.Mid > breakEven))
        {
            return 0; // the discount does not cover the cost
        }

        var depth = market.UnitsAbove(breakEven);
        return double.IsPositiveInfinity(depth) ? depth : Math.Max(0, (Participation * (depth + resoldThisStep)) - resoldThisStep);
    }
}
