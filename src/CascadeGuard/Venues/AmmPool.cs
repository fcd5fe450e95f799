using CascadeGuard.Depth;
using CascadeGuard.Primitives;

namespace CascadeGuard.Venues;

/// <summary>
/// An automated-market-maker pool as a venue. Base is the pool's token0 and the unit of account its token1, so prices
/// are token1 per token0 in the host's decimal-adjusted units. The pool is a snapshot: trades are evaluated against it
/// without changing it; a host builds a new one when the chain state changes. Closed forms: docs/depth.md.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public abstract class AmmPool : IVenue
{
    private readonly PoolPath _sell;
    private readonly PoolPath _buy;

    private protected AmmPool(double price, double feeRate, PoolPath sell, PoolPath buy)
    {
        MidPrice = price;
        FeeRate = feeRate;
        _sell = sell;
        _buy = buy;
    }

    /// <summary>The pool's fee-free spot price.</summary>
    public double MidPrice { get; }

    /// <summary>The share of each trade's input the pool keeps as its fee, in [0, 1).</summary>
    public double FeeRate { get; }

    /// <inheritdoc />
    public double BestPrice(TradeSide side) => Path(side).BestPrice;

    /// <inheritdoc />
    public double Capacity(TradeSide side) => Path(side).Capacity;

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is not finite and zero or positive.</exception>
    public Execution Execute(TradeSide side, double quantity)
    {
        Guard.FiniteNonNegative(quantity);
        return Path(side).Execute(quantity, MidPrice);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is not finite and zero or positive.</exception>
    public double MarginalPrice(TradeSide side, double quantity)
    {
        Guard.FiniteNonNegative(quantity);
        return Path(side).MarginalPrice(quantity);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="limitPrice"/> is not finite and zero or positive.</exception>
    public double MaxQuantityWithin(TradeSide side, double limitPrice, SlippageMeasure measure)
    {
        Guard.FiniteNonNegative(limitPrice);
        var path = Path(side);
        return measure == SlippageMeasure.AveragePrice ? path.MaxWithinAverage(limitPrice) : path.MaxWithinWorst(limitPrice);
    }

    private protected static void CheckFee(double feeRate)
    {
        if (!double.IsFinite(feeRate) || feeRate < 0 || feeRate >= 1)
        {
            Guard.Throw(nameof(feeRate), feeRate, "must be finite and in [0, 1)");
        }
    }

    private PoolPath Path(TradeSide side) => side == TradeSide.Sell ? _sell : _buy;
}
