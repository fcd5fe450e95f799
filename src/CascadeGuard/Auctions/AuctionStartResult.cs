namespace CascadeGuard.Auctions;

/// <summary>The result of <see cref="DutchAuctionHouse.Start"/>.</summary>
/// <param name="Refusal">Why nothing started, or <see cref="AuctionRefusal.None"/>.</param>
/// <param name="Auction">The new auction (default when refused).</param>
/// <param name="StartedLot">Collateral put up for auction.</param>
/// <param name="StartedDebt">Debt the auction is to raise.</param>
/// <param name="UnstartedLot">Collateral not started (all of it when refused; the rest after a partial start): submit it again later.</param>
/// <param name="UnstartedDebt">Debt not started, likewise.</param>
/// <param name="StartPrice">The auction's start price, oracle × buffer rounded up.</param>
/// <param name="Incentive">Money owed to the keeper who started it: flat + rate × started debt, rounded down.</param>
public readonly record struct AuctionStartResult(
    AuctionRefusal Refusal,
    AuctionId Auction,
    decimal StartedLot,
    decimal StartedDebt,
    decimal UnstartedLot,
    decimal UnstartedDebt,
    decimal StartPrice,
    decimal Incentive)
{
    /// <summary>Whether an auction started (in full or in part).</summary>
    public bool Started => Refusal == AuctionRefusal.None;
}
