using CascadeGuard.Depth;
using CascadeGuard.Primitives;

namespace CascadeGuard.Venues;

/// <summary>
/// A constant-product pool (Uniswap v2 style): reserves x of base and y of quote with x·y = k, spot price y/x, the fee
/// taken on the input. Selling Q base receives y·Q(1−f) / (x + Q(1−f)); buying Q base (Q &lt; x) pays
/// y·Q / ((x − Q)(1 − f)). Sales are unbounded (the price tends to zero); purchases approach but never take the whole
/// base reserve.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ConstantProductPool : AmmPool
{
    /// <summary>Creates a pool snapshot.</summary>
    /// <param name="baseReserve">x, base units in the pool; finite and positive.</param>
    /// <param name="quoteReserve">y, quote units in the pool; finite and positive.</param>
    /// <param name="feeRate">The fee on the input, for example 0.003; finite, in [0, 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public ConstantProductPool(double baseReserve, double quoteReserve, double feeRate)
        : base(Checked(baseReserve, quoteReserve, feeRate), feeRate, Path(TradeSide.Sell, baseReserve, quoteReserve, feeRate), Path(TradeSide.Buy, baseReserve, quoteReserve, feeRate))
    {
        BaseReserve = baseReserve;
        QuoteReserve = quoteReserve;
    }

    /// <summary>x, base units in the pool.</summary>
    public double BaseReserve { get; }

    /// <summary>y, quote units in the pool.</summary>
    public double QuoteReserve { get; }

    private static double Checked(double baseReserve, double quoteReserve, double feeRate)
    {
        Guard.FinitePositive(baseReserve);
        Guard.FinitePositive(quoteReserve);
        CheckFee(feeRate);
        return quoteReserve / baseReserve;
    }

    /// <summary>One piece of liquidity L = √(x·y) from √(y/x) to 0 (sale) or to ∞ (purchase).</summary>
    private static PoolPath Path(TradeSide side, double baseReserve, double quoteReserve, double feeRate)
    {
        var liquidity = Math.Sqrt(baseReserve) * Math.Sqrt(quoteReserve);
        var start = Math.Sqrt(quoteReserve) / Math.Sqrt(baseReserve);
        return new PoolPath(side, feeRate, [start, side == TradeSide.Sell ? 0.0 : double.PositiveInfinity], [liquidity]);
    }
}
