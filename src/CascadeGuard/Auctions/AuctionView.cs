using CascadeGuard.Primitives;

namespace CascadeGuard.Auctions;

/// <summary>A running auction as seen at one moment.</summary>
/// <param name="Id">The auction.</param>
/// <param name="Owner">The account whose collateral is sold.</param>
/// <param name="Asset">The collateral asset.</param>
/// <param name="Lot">Collateral left.</param>
/// <param name="Debt">Debt left to raise.</param>
/// <param name="StartPrice">Price at the last (re)start.</param>
/// <param name="FloorPrice">The price never goes below this.</param>
/// <param name="ReferencePrice">Oracle price at the last (re)start; the reset rule compares against a fraction of it.</param>
/// <param name="StartedAt">Time of the last (re)start.</param>
/// <param name="Resets">How many times it was reset.</param>
/// <param name="Price">Current price.</param>
/// <param name="NeedsReset">Whether it must be reset before it can be taken.</param>
public readonly record struct AuctionView(
    AuctionId Id,
    AccountId Owner,
    AssetId Asset,
    decimal Lot,
    decimal Debt,
    decimal StartPrice,
    decimal FloorPrice,
    decimal ReferencePrice,
    DateTimeOffset StartedAt,
    int Resets,
    decimal Price,
    bool NeedsReset);
