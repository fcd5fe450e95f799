using CascadeGuard.Depth;
using CascadeGuard.Feeds;
using CascadeGuard.Primitives;
using CsCheck;

namespace CascadeGuard.Tests.Depth;

/// <summary>Random valid books for property tests, and a ladder builder that keeps its buffers alive.</summary>
internal static class Books
{
    public static readonly DateTimeOffset T0 = new(2024, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Bids descending and asks ascending on a 0.01 tick grid with random gaps, sizes in lots of 0.001.</summary>
    public static Gen<(BookLevel[] Bids, BookLevel[] Asks)> Gen(int maxLevels = 300) =>
        CsCheck.Gen.Select(
            CsCheck.Gen.Int[1, maxLevels],
            CsCheck.Gen.Int[1, maxLevels],
            CsCheck.Gen.Int[100_000, 10_000_000],
            CsCheck.Gen.Int[1, 30].Array[maxLevels * 2],
            CsCheck.Gen.Int[1, 50_000].Array[maxLevels * 2])
        .Select((bidCount, askCount, bestBidTicks, gaps, lots) =>
        {
            var bids = new BookLevel[bidCount];
            long ticks = bestBidTicks;
            for (var i = 0; i < bidCount; i++)
            {
                bids[i] = new BookLevel(ticks / 100.0, lots[i] / 1000.0);
                ticks -= gaps[i];
            }

            var asks = new BookLevel[askCount];
            ticks = bestBidTicks + gaps[^1];
            for (var i = 0; i < askCount; i++)
            {
                asks[i] = new BookLevel(ticks / 100.0, lots[maxLevels + i] / 1000.0);
                ticks += gaps[maxLevels + i];
            }

            return (bids, asks);
        });

    public static OrderBook View(BookLevel[] bids, BookLevel[] asks)
    {
        var rejection = OrderBook.TryCreate(bids, asks, T0, BookSides.None, out var book);
        rejection.Should().Be(BookRejection.None);
        return book;
    }

    public static DepthLadder Ladder(BookLevel[] bids, BookLevel[] asks, TradeSide side)
    {
        var n = side == TradeSide.Sell ? bids.Length : asks.Length;
        return DepthLadder.Build(View(bids, asks), side, new double[n], new double[n]);
    }
}
