namespace CascadeGuard.Venues;

/// <summary>
/// Liquidity L provided over the price range [<see cref="LowerPrice"/>, <see cref="UpperPrice"/>) of a concentrated-liquidity
/// pool (a Uniswap v3 position, or the net liquidity between two initialized ticks). Within its range it behaves as a
/// constant-product pool with virtual reserves L/√P of base and L·√P of quote.
/// </summary>
/// <param name="LowerPrice">The range's lower price (for ticks, <see cref="ConcentratedLiquidityPool.PriceAtTick"/>).</param>
/// <param name="UpperPrice">The range's upper price.</param>
/// <param name="Liquidity">L, in √(base·quote) units.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct LiquidityPosition(double LowerPrice, double UpperPrice, double Liquidity);
