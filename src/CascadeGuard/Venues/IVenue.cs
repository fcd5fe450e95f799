using CascadeGuard.Depth;

namespace CascadeGuard.Venues;

/// <summary>
/// Liquidity for one asset against the unit of account, as every depth function needs it: an order book
/// (<see cref="OrderBookVenue"/>) or an automated market maker (<see cref="ConstantProductPool"/>,
/// <see cref="ConcentratedLiquidityPool"/>). Quantities are base units, prices unit of account per base unit, notionals
/// include the venue's fee. Each implementation answers in closed form; see docs/depth.md.
/// </summary>
/// <remarks>
/// Implementations in this library never allocate in these members. Thread-safety is stated on each implementation.
/// </remarks>
public interface IVenue
{
    /// <summary>The fee-free reference price: a book's mid, a pool's spot price.</summary>
    double MidPrice { get; }

    /// <summary>The price of the first, infinitesimal unit traded on <paramref name="side"/>, fee included.</summary>
    /// <param name="side">The trade's direction.</param>
    /// <returns>The best price.</returns>
    double BestPrice(TradeSide side);

    /// <summary>The most base units a trade on <paramref name="side"/> can fill; <see cref="double.PositiveInfinity"/> when unbounded.</summary>
    /// <param name="side">The trade's direction.</param>
    /// <returns>Base units.</returns>
    double Capacity(TradeSide side);

    /// <summary>Executes a trade of <paramref name="quantity"/> base units against the venue's current state, without changing it.</summary>
    /// <param name="side">The trade's direction.</param>
    /// <param name="quantity">Base units; finite, zero or more.</param>
    /// <returns>The execution; unfilled when the quantity exceeds <see cref="Capacity"/>.</returns>
    Execution Execute(TradeSide side, double quantity);

    /// <summary>The price of the unit at cumulative quantity <paramref name="quantity"/>, fee included.</summary>
    /// <param name="side">The trade's direction.</param>
    /// <param name="quantity">Base units; finite, zero or more.</param>
    /// <returns>The marginal price; beyond <see cref="Capacity"/>, the price at which liquidity ends.</returns>
    double MarginalPrice(TradeSide side, double quantity);

    /// <summary>The largest quantity whose average or marginal price is no worse than <paramref name="limitPrice"/>.</summary>
    /// <param name="side">The trade's direction.</param>
    /// <param name="limitPrice">The worst acceptable price; finite, zero or more.</param>
    /// <param name="measure">Whether the limit applies to the average price or to the last unit's price.</param>
    /// <returns>Base units, at most <see cref="Capacity"/>.</returns>
    double MaxQuantityWithin(TradeSide side, double limitPrice, SlippageMeasure measure);
}
