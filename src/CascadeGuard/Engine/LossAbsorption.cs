using CascadeGuard.Auctions;
using CascadeGuard.Ledgers.Waterfall;
using CascadeGuard.Primitives;

namespace CascadeGuard.Engine;

/// <summary>A loss an auction left and how the waterfall absorbed it.</summary>
/// <param name="Auction">The auction whose collateral ran out before its debt was raised.</param>
/// <param name="Account">The account liquidated.</param>
/// <param name="Shortfall">The debt left, in settlement units.</param>
/// <param name="Result">What each step of the waterfall covered (insurance fund, buffer pools, socialization, unabsorbed).</param>
public readonly record struct LossAbsorption(AuctionId Auction, AccountId Account, decimal Shortfall, WaterfallResult Result);
