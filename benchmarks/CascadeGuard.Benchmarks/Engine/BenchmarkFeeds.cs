using CascadeGuard.Feeds;
using CascadeGuard.Primitives;

namespace CascadeGuard.Benchmarks.Engine;

/// <summary>A price feed over an array: the latest quote per asset.</summary>
internal sealed class BenchmarkPriceFeed(int assets) : IPriceFeed
{
    private readonly PriceQuote[] _quotes = new PriceQuote[assets];

    public void Set(int asset, double price, DateTimeOffset at) => _quotes[asset] = new PriceQuote(new AssetId(asset), price, at);

    public bool TryGetLatest(AssetId asset, out PriceQuote quote)
    {
        quote = _quotes[asset.Value];
        return quote.Price > 0;
    }
}

/// <summary>An order-book feed of 50 levels a side around each market's price, 5 units a level.</summary>
internal sealed class BenchmarkBookFeed(int markets) : IOrderBookFeed
{
    private readonly (double Price, DateTimeOffset At)[] _books = new (double, DateTimeOffset)[markets];

    public void Set(int market, double price, DateTimeOffset at) => _books[market] = (price, at);

    public bool TryCopyBook(MarketId market, Span<BookLevel> bids, Span<BookLevel> asks, out OrderBookCopy copy)
    {
        var (price, at) = _books[market.Value];
        var n = Math.Min(50, Math.Min(bids.Length, asks.Length));
        for (var i = 0; i < n; i++)
        {
            bids[i] = new BookLevel(price * (1 - (0.0005 * (i + 1))), 5.0);
            asks[i] = new BookLevel(price * (1 + (0.0005 * (i + 1))), 5.0);
        }

        copy = new OrderBookCopy(n, n, at);
        return true;
    }
}

/// <summary>A clock the benchmark advances.</summary>
internal sealed class BenchmarkClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
