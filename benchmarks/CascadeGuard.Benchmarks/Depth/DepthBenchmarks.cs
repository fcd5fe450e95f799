using BenchmarkDotNet.Attributes;
using CascadeGuard.Depth;
using CascadeGuard.Feeds;
using CascadeGuard.Primitives;
using CascadeGuard.Venues;

namespace CascadeGuard.Benchmarks.Depth;

/// <summary>
/// The largest sale within a 50 bps average-price bound: the prefix-sum ladder's binary search against the level-by-level
/// walk that gives the same answer. The book is built so the bound falls about three quarters of the way down the bid side,
/// a deep-book question; prefix sums are built once in set-up, as a venue does once per snapshot.
/// </summary>
[MemoryDiagnoser]
public class DepthBenchmarks
{
    private OrderBookVenue _venue = null!;
    private BookLevel[] _bids = null!;
    private SlippageBound _bound;
    private double _mid;

    [Params(10, 100, 1000)]
    public int Levels { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _bids = new BookLevel[Levels];
        var asks = new BookLevel[Levels];
        for (var i = 0; i < Levels; i++)
        {
            _bids[i] = new BookLevel(100.0 - (i * 0.01), 1 + (random.NextDouble() * 9));
            asks[i] = new BookLevel(100.01 + (i * 0.01), 1 + (random.NextDouble() * 9));
        }

        OrderBook.TryCreate(_bids, asks, DateTimeOffset.UnixEpoch, BookSides.Both, out var book);
        _venue = new OrderBookVenue(Levels);
        _venue.Load(book);
        _mid = _venue.MidPrice;

        // The average price of the best three quarters of the bids, as a bound in bps from mid.
        var take = Math.Max(1, Levels * 3 / 4);
        double notional = 0, size = 0;
        for (var i = 0; i < take; i++)
        {
            notional += _bids[i].Notional;
            size += _bids[i].Size;
        }

        _bound = new SlippageBound((_mid - (notional / size)) / _mid * 1e4, SlippageMeasure.AveragePrice, SlippageReference.Mid);
        if (MaxSellWithinBound() != LinearWalkBaseline())
        {
            throw new InvalidOperationException("The two methods disagree.");
        }
    }

    [Benchmark(Baseline = true)]
    public double LinearWalkBaseline() =>
        BookWalk.MaxQuantityWithin(_bids, TradeSide.Sell, _bound.LimitPrice(TradeSide.Sell, _mid), _bound.Measure);

    [Benchmark]
    public double MaxSellWithinBound() => _venue.Ladder(TradeSide.Sell).MaxQuantityWithin(_bound);
}
