using CascadeGuard.Feeds;
using CascadeGuard.Primitives;

namespace CascadeGuard.Tests.Feeds;

/// <summary>A hand-written fake of the host's feed: serves fixed levels, or misbehaves on request.</summary>
internal sealed class FakeBookFeed : IOrderBookFeed
{
    public BookLevel[] Bids { get; init; } = [];

    public BookLevel[] Asks { get; init; } = [];

    public DateTimeOffset Timestamp { get; init; }

    public bool Missing { get; init; }

    /// <summary>When set, the bid count reported instead of the true one.</summary>
    public int? OverstateCount { get; init; }

    public MarketId LastMarket { get; private set; }

    public bool TryCopyBook(MarketId market, Span<BookLevel> bids, Span<BookLevel> asks, out OrderBookCopy copy)
    {
        LastMarket = market;
        if (Missing)
        {
            copy = default;
            return false;
        }

        var bidCount = Math.Min(Bids.Length, bids.Length);
        var askCount = Math.Min(Asks.Length, asks.Length);
        Bids.AsSpan(0, bidCount).CopyTo(bids);
        Asks.AsSpan(0, askCount).CopyTo(asks);
        copy = new OrderBookCopy(OverstateCount ?? bidCount, askCount, Timestamp);
        return true;
    }
}
