namespace CascadeGuard.Depth;

/// <summary>
/// The outcome of walking a trade of <see cref="Requested"/> base units through a venue: how much filled, at what average
/// and worst price, the slippage against the best and mid prices, and what was left when liquidity ran out. Slippage is
/// adverse-positive: a sale's average below the reference, or a purchase's above it, gives a positive figure.
/// </summary>
/// <remarks>
/// When nothing fills, <see cref="AveragePrice"/> and <see cref="WorstPrice"/> are the best price (the limit of the average
/// as the quantity shrinks to zero) and <see cref="LastLevel"/> is −1. Immutable and thread-safe.
/// </remarks>
public readonly record struct Execution
{
    internal Execution(
        TradeSide side,
        double requested,
        double filled,
        double notional,
        double worstPrice,
        int lastLevel,
        double bestPrice,
        double midPrice)
    {
        Side = side;
        Requested = requested;
        Filled = filled;
        Notional = notional;
        AveragePrice = filled > 0 ? notional / filled : bestPrice;
        WorstPrice = filled > 0 ? worstPrice : bestPrice;
        LastLevel = filled > 0 ? lastLevel : -1;
        BestPrice = bestPrice;
        MidPrice = midPrice;
    }

    /// <summary>The trade's direction.</summary>
    public TradeSide Side { get; }

    /// <summary>Base units asked for.</summary>
    public double Requested { get; }

    /// <summary>Base units the venue could fill, at most <see cref="Requested"/>.</summary>
    public double Filled { get; }

    /// <summary>Base units left when the venue ran out of liquidity: <c>Requested − Filled</c>.</summary>
    public double Unfilled => Requested - Filled;

    /// <summary>Whether the whole request filled.</summary>
    public bool IsComplete => Filled >= Requested;

    /// <summary>Unit of account received (sale) or paid (purchase) for the filled quantity, fees included.</summary>
    public double Notional { get; }

    /// <summary><c>Notional ÷ Filled</c>.</summary>
    public double AveragePrice { get; }

    /// <summary>The marginal price of the last unit filled: the worst book level touched, or a pool's price after the trade, net of fee.</summary>
    public double WorstPrice { get; }

    /// <summary>
    /// Index of the last book level touched (0 = best), or of the last liquidity range a pool trade reached; −1 when nothing filled.
    /// </summary>
    public int LastLevel { get; }

    /// <summary>The best price on the traded side before the trade.</summary>
    public double BestPrice { get; }

    /// <summary>The venue's mid price before the trade.</summary>
    public double MidPrice { get; }

    /// <summary>Adverse slippage of the average price against <see cref="BestPrice"/>, in basis points.</summary>
    public double SlippageVsBestBps => Slippage.Bps(Side, BestPrice, AveragePrice);

    /// <summary>Adverse slippage of the average price against <see cref="MidPrice"/>, in basis points.</summary>
    public double SlippageVsMidBps => Slippage.Bps(Side, MidPrice, AveragePrice);

    /// <summary>Adverse move of the marginal price against <see cref="MidPrice"/>, in basis points: the trade's price impact.</summary>
    public double ImpactBps => Slippage.Bps(Side, MidPrice, WorstPrice);
}
