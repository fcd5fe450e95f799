using CascadeGuard.Auctions;
using CascadeGuard.Primitives;

namespace CascadeGuard.Engine;

/// <summary>An auction the engine started for an account that a market sale could not restore.</summary>
/// <param name="Auction">The auction.</param>
/// <param name="Account">The account whose collateral is auctioned.</param>
/// <param name="Asset">The collateral asset.</param>
/// <param name="Lot">Units auctioned.</param>
/// <param name="Debt">Settlement units to raise, penalty included.</param>
/// <param name="StartPrice">The starting price.</param>
public readonly record struct AuctionStarted(AuctionId Auction, AccountId Account, AssetId Asset, decimal Lot, decimal Debt, decimal StartPrice);
