using System.Runtime.InteropServices;
using CascadeGuard.Depth;
using CascadeGuard.Primitives;

namespace CascadeGuard.Venues;

/// <summary>
/// A concentrated-liquidity pool (Uniswap v3 style): liquidity is provided per price range, the active liquidity is the
/// sum of the positions covering the current price, and a large trade crosses range boundaries, the liquidity changing
/// at each. Regions without liquidity are crossed at no cost (the price jumps). See docs/depth.md.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ConcentratedLiquidityPool : AmmPool
{
    /// <summary>The smallest tick Uniswap v3 allows.</summary>
    public const int MinTick = -887272;

    /// <summary>The largest tick Uniswap v3 allows.</summary>
    public const int MaxTick = 887272;

    private ConcentratedLiquidityPool(double price, double feeRate, (PoolPath Sell, PoolPath Buy) paths, int ranges)
        : base(price, feeRate, paths.Sell, paths.Buy)
    {
        RangeCount = ranges;
    }

    /// <summary>The number of constant-liquidity ranges between consecutive position boundaries.</summary>
    public int RangeCount { get; }

    /// <summary>Creates a pool snapshot.</summary>
    /// <param name="price">The current price; finite and positive.</param>
    /// <param name="feeRate">The fee on the input, for example 0.0005, 0.003 or 0.01; finite, in [0, 1).</param>
    /// <param name="positions">Positions with finite positive bounds, lower below upper, finite positive liquidity; copied.</param>
    /// <returns>The pool.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A scalar argument or a position field is out of range.</exception>
    /// <exception cref="ArgumentException">No position provides liquidity below or above <paramref name="price"/>.</exception>
    public static ConcentratedLiquidityPool Create(double price, double feeRate, ReadOnlySpan<LiquidityPosition> positions)
    {
        Guard.FinitePositive(price);
        CheckFee(feeRate);
        for (var i = 0; i < positions.Length; i++)
        {
            var (lower, upper, liquidity) = positions[i];
            if (!double.IsFinite(lower) || lower <= 0 || !double.IsFinite(upper) || upper <= lower)
            {
                Guard.Throw($"{nameof(positions)}[{i}]", positions[i], "must have finite bounds with 0 < lower < upper");
            }

            if (!double.IsFinite(liquidity) || liquidity <= 0)
            {
                Guard.Throw($"{nameof(positions)}[{i}].{nameof(LiquidityPosition.Liquidity)}", liquidity, "must be finite and positive");
            }
        }

        var (bounds, liquidityPerRange) = Aggregate(positions);
        var sell = BuildPath(TradeSide.Sell, price, feeRate, bounds, liquidityPerRange);
        var buy = BuildPath(TradeSide.Buy, price, feeRate, bounds, liquidityPerRange);
        if (sell is null || buy is null)
        {
            throw new ArgumentException(
                string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"No position provides liquidity {(sell is null ? "below" : "above")} the price {price}."),
                nameof(positions));
        }

        return new ConcentratedLiquidityPool(price, feeRate, (sell, buy), liquidityPerRange.Length);
    }

    /// <summary>The price at a Uniswap v3 tick: 1.0001^tick (in raw token units; adjust for decimals at the boundary).</summary>
    /// <param name="tick">In [<see cref="MinTick"/>, <see cref="MaxTick"/>].</param>
    /// <returns>The price.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tick"/> is out of range.</exception>
    public static double PriceAtTick(int tick)
    {
        Guard.InRange(tick, MinTick, MaxTick);
        return Math.Pow(1.0001, tick);
    }

    /// <summary>Sorted distinct bounds and the summed liquidity on each range between consecutive bounds.</summary>
    private static (double[] Bounds, double[] Liquidity) Aggregate(ReadOnlySpan<LiquidityPosition> positions)
    {
        var bounds = new double[positions.Length * 2];
        for (var i = 0; i < positions.Length; i++)
        {
            bounds[2 * i] = positions[i].LowerPrice;
            bounds[(2 * i) + 1] = positions[i].UpperPrice;
        }

        Array.Sort(bounds);
        var distinct = 0;
        for (var i = 0; i < bounds.Length; i++)
        {
            if (distinct == 0 || bounds[i] != bounds[distinct - 1])
            {
                bounds[distinct++] = bounds[i];
            }
        }

        Array.Resize(ref bounds, distinct);
        var liquidity = new double[Math.Max(0, distinct - 1)];
        foreach (var position in positions)
        {
            // Positions are few; summing each over the ranges it covers keeps empty ranges exactly zero.
            var from = Array.BinarySearch(bounds, position.LowerPrice);
            var to = Array.BinarySearch(bounds, position.UpperPrice);
            for (var r = from; r < to; r++)
            {
                liquidity[r] += position.Liquidity;
            }
        }

        return (bounds, liquidity);
    }

    /// <summary>
    /// The path from <paramref name="price"/> in the direction of <paramref name="side"/>: the pieces up to each bound in
    /// turn. Leading pieces without liquidity are skipped, so the path starts where the first unit can trade; null when
    /// there is no liquidity at all in that direction.
    /// </summary>
    private static PoolPath? BuildPath(TradeSide side, double price, double feeRate, double[] bounds, double[] liquidity)
    {
        var sqrt = new List<double>(bounds.Length + 1) { Math.Sqrt(price) };
        var pieces = new List<double>(bounds.Length);
        if (side == TradeSide.Sell)
        {
            for (var r = liquidity.Length - 1; r >= 0; r--)
            {
                if (bounds[r] < price)
                {
                    Append(sqrt, pieces, Math.Sqrt(bounds[r]), Math.Min(price, bounds[r + 1]), liquidity[r]);
                }
            }
        }
        else
        {
            for (var r = 0; r < liquidity.Length; r++)
            {
                if (bounds[r + 1] > price)
                {
                    Append(sqrt, pieces, Math.Sqrt(bounds[r + 1]), Math.Max(price, bounds[r]), liquidity[r]);
                }
            }
        }

        return pieces.Count == 0 ? null : new PoolPath(side, feeRate, CollectionsMarshal.AsSpan(sqrt), CollectionsMarshal.AsSpan(pieces));
    }

    private static void Append(List<double> sqrt, List<double> pieces, double farSqrt, double nearPrice, double liquidity)
    {
        if (pieces.Count == 0)
        {
            if (liquidity == 0)
            {
                // Still in an empty region: move the start to the far bound.
                sqrt[0] = farSqrt;
                return;
            }

            sqrt[0] = Math.Sqrt(nearPrice);
        }

        sqrt.Add(farSqrt);
        pieces.Add(liquidity);
    }
}
