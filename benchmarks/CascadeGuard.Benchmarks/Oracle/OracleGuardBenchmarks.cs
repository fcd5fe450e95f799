using BenchmarkDotNet.Attributes;
using CascadeGuard.Feeds;
using CascadeGuard.Oracle;
using CascadeGuard.Primitives;

namespace CascadeGuard.Benchmarks.Oracle;

/// <summary>
/// One quote update plus the decision after it, one quote per second (a 60-entry TWAP window in steady state),
/// against the baseline of merely validating the same quote.
/// </summary>
[MemoryDiagnoser]
public class OracleGuardBenchmarks
{
    private static readonly AssetId Asset = new(0);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(80);

    private readonly double[] _prices = new double[1024];
    private ManualClock _clock = null!;
    private OracleGuard _twap = null!;
    private OracleGuard _emaThreeSources = null!;
    private QuoteValidator _validator;
    private int _i;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var price = 2000.0;
        for (var i = 0; i < _prices.Length; i++)
        {
            price *= 1 + ((random.NextDouble() - 0.5) * 0.002);
            _prices[i] = price;
        }

        _clock = new ManualClock(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero));
        _twap = new OracleGuard(Asset, new OracleGuardOptions(), _clock);
        _emaThreeSources = new OracleGuard(Asset, new OracleGuardOptions { Smoothing = OracleSmoothing.Ema, SourceCount = 3 }, _clock);
        _validator = new QuoteValidator(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(2));
        for (var i = 0; i < 600; i++)
        {
            Update();
            UpdateEmaThreeSources();
        }
    }

    private PriceQuote NextQuote()
    {
        _clock.Now += Interval;
        var price = _prices[_i++ & 1023];
        return new PriceQuote(Asset, price, _clock.Now - Latency);
    }

    [Benchmark(Baseline = true)]
    public QuoteRejection ValidateOnly()
    {
        var quote = NextQuote();
        return _validator.Validate(quote, _clock.Now);
    }

    [Benchmark]
    public double Update()
    {
        var quote = NextQuote();
        return _twap.Update(quote).Decision.Price;
    }

    [Benchmark]
    public double UpdateEmaThreeSources()
    {
        var quote = NextQuote();
        return _emaThreeSources.Update(quote, _i % 3).Decision.Price;
    }
}
