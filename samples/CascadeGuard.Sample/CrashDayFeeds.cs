using System.Globalization;
using CascadeGuard.Feeds;
using CascadeGuard.Primitives;

namespace CascadeGuard.Sample;

/// <summary>
/// The sample's stand-in for a platform's market data: ETH/USD 10-minute bars of 19 May 2021 replayed one per tick, USDC at
/// 1, and an ETH/USDC book of 40 levels a side around the bar's close whose depth thins as the day falls apart.
/// </summary>
internal sealed class CrashDayFeeds : IPriceFeed, IOrderBookFeed
{
    private readonly (DateTimeOffset Start, double Close, double Volume)[] _bars;
    private int _bar;

    public CrashDayFeeds(string path)
    {
        _bars = [.. File.ReadLines(path).Skip(1).Select(line =>
        {
            var f = line.Split(',');
            return (DateTimeOffset.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(f[5], CultureInfo.InvariantCulture));
        })];
    }

    public int BarCount => _bars.Length;

    public DateTimeOffset Start => _bars[0].Start;

    public double Price => _bars[_bar].Close;

    public double Volume => _bars[_bar].Volume;

    /// <summary>Moves to bar <paramref name="index"/>: quotes and books are stamped at its end.</summary>
    public void MoveTo(int index) => _bar = index;

    public bool TryGetLatest(AssetId asset, out PriceQuote quote)
    {
        var at = _bars[_bar].Start.AddMinutes(10);
        quote = new PriceQuote(asset, asset.Value == SampleHost.Eth.Value ? Price : 1.0, at);
        return true;
    }

    public bool TryCopyBook(MarketId market, Span<BookLevel> bids, Span<BookLevel> asks, out OrderBookCopy copy)
    {
        // Depth per level shrinks with the day's fall from its open: liquidity leaves a crashing market.
        var fall = 1 - (Price / _bars[0].Close);
        var size = Math.Max(2.0, 40.0 * (1 - (2 * fall)));
        var n = Math.Min(40, Math.Min(bids.Length, asks.Length));
        for (var i = 0; i < n; i++)
        {
            bids[i] = new BookLevel(Price * (1 - (0.0005 * (i + 1))), size);
            asks[i] = new BookLevel(Price * (1 + (0.0005 * (i + 1))), size);
        }

        copy = new OrderBookCopy(n, n, _bars[_bar].Start.AddMinutes(10));
        return true;
    }
}
