namespace CascadeGuard.Auctions;

/// <summary>The result of <see cref="DutchAuctionHouse.Reset"/>.</summary>
/// <param name="Refusal">Why the auction was not reset, or <see cref="AuctionRefusal.None"/>.</param>
/// <param name="Auction">The auction.</param>
/// <param name="StartPrice">The new start price, oracle × buffer rounded up.</param>
/// <param name="FloorPrice">The new floor, oracle × floor fraction rounded up.</param>
/// <param name="Incentive">Money owed to the keeper; zero when withheld.</param>
/// <param name="IncentiveWithheld">Whether the incentive was withheld because the debt or the lot's value is below the minimum debt.</param>
public readonly record struct AuctionResetResult(
    AuctionRefusal Refusal,
    AuctionId Auction,
    decimal StartPrice,
    decimal FloorPrice,
    decimal Incentive,
    bool IncentiveWithheld)
{
    /// <summary>Whether the auction was reset.</summary>
    public bool Reset => Refusal == AuctionRefusal.None;
}
