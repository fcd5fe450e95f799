using BenchmarkDotNet.Attributes;
using CascadeGuard.Engine;
using CascadeGuard.Feeds;
using CascadeGuard.Margin;
using CascadeGuard.Primitives;

namespace CascadeGuard.Benchmarks.Engine;

/// <summary>
/// One engine tick over 1,000,000 accounts and 20 markets where one asset's price moves and 1 % of the accounts hold it:
/// quotes for 21 assets, 20 books of 50 levels a side read and validated, throttles, breakers and adaptive parameters
/// updated, the touched accounts evaluated, the scheduler run. Baseline: evaluating the touched accounts alone.
/// </summary>
[MemoryDiagnoser]
public class EngineTickBenchmarks
{
    private const int Accounts = 1_000_000;
    private const int Markets = 20;
    private readonly BenchmarkPriceFeed _prices = new(Markets + 1);
    private readonly BenchmarkBookFeed _books = new(Markets);
    private readonly BenchmarkClock _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private CascadeGuardEngine _engine = null!;
    private AccountBook _book = null!;
    private RiskParameterTable _table = null!;
    private AccountId[] _touched = null!;
    private double[] _evaluationPrices = null!;
    private double[] _health = null!;
    private AccountStatus[] _status = null!;
    private int _step;

    [GlobalSetup]
    public void Setup()
    {
        var definition = BenchmarkPlatform.Definition(Markets);
        var options = BenchmarkPlatform.Options();
        _table = definition.Assets;
        _engine = new CascadeGuardEngine(definition, _prices, _books, options, _clock);
        _book = new AccountBook(Markets + 1, 2, 1, Accounts);
        var random = new Random(11);
        var touched = new List<AccountId>();
        for (var i = 0; i < Accounts; i++)
        {
            // 1 % hold asset 0 (the one that moves); everyone holds one of the other 19 assets.
            var id = _engine.OpenAccount();
            _book.Add();
            var other = new AssetId(1 + random.Next(Markets - 1));
            Set(id, other, 1.0 + random.NextDouble());
            if (i % 100 == 0)
            {
                Set(id, new AssetId(0), 0.5);
                touched.Add(id);
            }

            var debt = 500.0 + (500.0 * random.NextDouble());
            _engine.SetDebt(id, new AssetId(Markets), debt);
            _book.SetDebt(id, new AssetId(Markets), debt);
        }

        _touched = [.. touched];
        _health = new double[_touched.Length];
        _status = new AccountStatus[_touched.Length];
        _evaluationPrices = new double[Markets + 1];
        for (var i = 0; i < 200; i++)
        {
            Tick();
        }
    }

    /// <summary>The margin evaluation of the accounts the move touched, alone: what a tick cannot do without.</summary>
    [Benchmark(Baseline = true)]
    public void EvaluateTouchedBaseline()
    {
        for (var a = 0; a <= Markets; a++)
        {
            _evaluationPrices[a] = a == Markets ? 1.0 : 2000 * (1 + (1e-5 * (_step + (a == 0 ? 1 : 0))));
        }

        _book.EvaluateAccounts(_touched, _evaluationPrices, _table, _health, _status);
    }

    [Benchmark]
    public int Tick()
    {
        _step++;
        _clock.Advance(TimeSpan.FromSeconds(1));
        var now = _clock.GetUtcNow();
        for (var a = 0; a < Markets; a++)
        {
            // Only asset 0 moves; the others are re-quoted at the same price.
            var price = a == 0 ? 2000 * (1 + (1e-5 * _step)) : 2000.0;
            _prices.Set(a, price, now);
            _books.Set(a, price, now);
        }

        _prices.Set(Markets, 1.0, now);
        return _engine.Tick().Evaluated;
    }

    [GlobalCleanup]
    public void Cleanup() => _engine?.Dispose();

    private void Set(AccountId id, AssetId asset, double quantity)
    {
        _engine.SetCollateral(id, asset, quantity);
        _book.SetCollateral(id, asset, quantity);
    }
}
