using CascadeGuard.Primitives;

namespace CascadeGuard.Auctions;

/// <summary>Debt left uncovered when an auction's collateral ran out.</summary>
/// <param name="Auction">The auction.</param>
/// <param name="Owner">The account whose collateral was auctioned.</param>
/// <param name="Asset">The collateral asset.</param>
/// <param name="Debt">The uncovered debt, in money; positive.</param>
/// <param name="At">When the last collateral was taken.</param>
public readonly record struct AuctionShortfall(AuctionId Auction, AccountId Owner, AssetId Asset, decimal Debt, DateTimeOffset At);
