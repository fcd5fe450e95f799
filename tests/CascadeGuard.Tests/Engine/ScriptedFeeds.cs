using CascadeGuard.Feeds;
using CascadeGuard.Primitives;

namespace CascadeGuard.Tests.Engine;

/// <summary>A price feed the test sets: the latest quote per asset.</summary>
internal sealed class ScriptedPriceFeed : IPriceFeed
{
    private readonly Dictionary<int, PriceQuote> _quotes = [];

    public void Set(AssetId asset, double price, DateTimeOffset at) => _quotes[asset.Value] = new PriceQuote(asset, price, at);

    public bool TryGetLatest(AssetId asset, out PriceQuote quote) => _quotes.TryGetValue(asset.Value, out quote);
}

/// <summary>
/// An order-book feed the test sets: a symmetric book around a price, <see cref="Levels"/> levels per side spaced by
/// <see cref="Spacing"/> (relative), each of <see cref="SizePerLevel"/> units.
/// </summary>
internal sealed class ScriptedBookFeed : IOrderBookFeed
{
    private readonly Dictionary<int, (double Price, DateTimeOffset At)> _books = [];

    public int Levels { get; set; } = 50;

    public double Spacing { get; set; } = 0.001;

    public double SizePerLevel { get; set; } = 10.0;

    public bool Crossed { get; set; }

    public void Set(MarketId market, double price, DateTimeOffset at) => _books[market.Value] = (price, at);

    public bool TryCopyBook(MarketId market, Span<BookLevel> bids, Span<BookLevel> asks, out OrderBookCopy copy)
    {
        if (!_books.TryGetValue(market.Value, out var book))
        {
            copy = default;
            return false;
        }

        var n = Math.Min(Levels, Math.Min(bids.Length, asks.Length));
        for (var i = 0; i < n; i++)
        {
            bids[i] = new BookLevel(book.Price * (1 - (Spacing * (i + 1))), SizePerLevel);
            asks[i] = new BookLevel(book.Price * (1 + (Spacing * (i + (Crossed ? -3 : 1)))), SizePerLevel);
        }

        copy = new OrderBookCopy(n, n, book.At);
        return true;
    }
}
