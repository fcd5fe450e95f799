using BenchmarkDotNet.Attributes;
using CascadeGuard.Engine;
using CascadeGuard.Margin;
using CascadeGuard.Primitives;

namespace CascadeGuard.Benchmarks.Engine;

/// <summary>
/// One engine tick over 1,000,000 single-collateral accounts (settlement debt only, as in the simulator) and 20 markets,
/// where one asset's price moves by 0.2 % (50,000 holders) and the move crosses no account's liquidation ratio. Baseline:
/// the same engine evaluating every holder of the moved asset (the rule before the ratio index, kept for tests).
/// </summary>
[MemoryDiagnoser]
public class EngineRatioIndexBenchmarks
{
    private const int Accounts = 1_000_000;
    private const int Markets = 20;
    private readonly BenchmarkPriceFeed _prices = new(Markets + 1);
    private readonly BenchmarkBookFeed _books = new(Markets);
    private readonly BenchmarkClock _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private CascadeGuardEngine _everyHolder = null!;
    private CascadeGuardEngine _indexed = null!;
    private int _step;

    [GlobalSetup]
    public void Setup()
    {
        var definition = BenchmarkPlatform.Definition(Markets);
        var options = BenchmarkPlatform.Options();
        _everyHolder = Build(definition, options);
        _everyHolder.TouchEveryHolder = true;
        _indexed = Build(definition, options);
        for (var i = 0; i < 400; i++)
        {
            Tick(i < 200 ? _everyHolder : _indexed);
        }
    }

    [Benchmark(Baseline = true)]
    public int EveryHolder() => Tick(_everyHolder);

    [Benchmark]
    public int RatioIndex() => Tick(_indexed);

    [GlobalCleanup]
    public void Cleanup()
    {
        _everyHolder?.Dispose();
        _indexed?.Dispose();
    }

    private CascadeGuardEngine Build(EngineDefinition definition, CascadeGuardOptions options)
    {
        var engine = new CascadeGuardEngine(definition, _prices, _books, options, _clock);
        var random = new Random(11);
        for (var i = 0; i < Accounts; i++)
        {
            // Liquidation ratios between 800 and 1,600: the price of 2,000 ± 0.2 % crosses none.
            var id = engine.OpenAccount();
            var quantity = 1.0 + random.NextDouble();
            engine.SetCollateral(id, new AssetId(i % Markets), quantity);
            engine.SetDebt(id, new AssetId(Markets), quantity * 0.8 * (800 + (800 * random.NextDouble())));
        }

        return engine;
    }

    private int Tick(CascadeGuardEngine engine)
    {
        // Both engines share the feeds: each tick advances them one step (2,000 ± 0.2 % for asset 0, the rest still).
        _step++;
        _clock.Advance(TimeSpan.FromSeconds(1));
        var now = _clock.GetUtcNow();
        for (var a = 0; a < Markets; a++)
        {
            var price = a == 0 ? 2000 * (1 + (0.002 * ((_step % 2) - 0.5))) : 2000.0;
            _prices.Set(a, price, now);
            _books.Set(a, price, now);
        }

        _prices.Set(Markets, 1.0, now);
        return engine.Tick().Evaluated;
    }
}
