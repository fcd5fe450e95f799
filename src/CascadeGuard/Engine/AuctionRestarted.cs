using CascadeGuard.Auctions;

namespace CascadeGuard.Engine;

/// <summary>An auction the engine reset at the current oracle price.</summary>
/// <param name="Auction">The auction.</param>
/// <param name="StartPrice">The new starting price.</param>
/// <param name="Incentive">The keeper incentive paid for the reset (zero when withheld).</param>
public readonly record struct AuctionRestarted(AuctionId Auction, decimal StartPrice, decimal Incentive);
