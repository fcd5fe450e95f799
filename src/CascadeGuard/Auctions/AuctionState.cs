using CascadeGuard.Primitives;

namespace CascadeGuard.Auctions;

/// <summary>One running auction: mutable, owned by a <see cref="DutchAuctionHouse"/>.</summary>
internal sealed class AuctionState
{
    public long Id { get; init; }

    public AccountId Owner { get; init; }

    public AssetId Asset { get; init; }

    public decimal Lot { get; set; }

    public decimal Debt { get; set; }

    public decimal StartPrice { get; set; }

    public decimal FloorPrice { get; set; }

    public decimal ReferencePrice { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public int Resets { get; set; }
}
