namespace CascadeGuard.Scheduling;

/// <summary>Where a liquidation goes.</summary>
public enum LiquidationRoute
{
    /// <summary>Nothing to do: the account is not liquidatable.</summary>
    None = 0,

    /// <summary>Sell into the market through the scheduler: the minimal liquidation restores the account (or the close factor caps it).</summary>
    Market,

    /// <summary>
    /// Start a Dutch auction: the market sale cannot restore the account, or is smaller than the market's minimum order. What an
    /// auction cannot cover goes on to the buffer pools through <see cref="Auctions.IAuctionShortfallSink"/>.
    /// </summary>
    Auction,
}
