namespace CascadeGuard.Depth;

/// <summary>The direction of a trade taken against a venue's liquidity.</summary>
public enum TradeSide
{
    /// <summary>Sell base units into bids (or into a pool); the price received falls as the quantity grows.</summary>
    Sell = 0,

    /// <summary>Buy base units from asks (or from a pool); the price paid rises as the quantity grows.</summary>
    Buy = 1,
}
