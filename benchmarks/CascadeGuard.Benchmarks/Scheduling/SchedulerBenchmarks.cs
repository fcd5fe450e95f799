using BenchmarkDotNet.Attributes;
using CascadeGuard.Primitives;
using CascadeGuard.Scheduling;
using CascadeGuard.Throttling;

namespace CascadeGuard.Benchmarks.Scheduling;

/// <summary>
/// One scheduler tick over <see cref="Jobs"/> active jobs spread across 20 markets: expire, rank every eligible job, reserve
/// from each market's throttle and release one slice per job, then fill every slice: the steady state of a busy engine.
/// The baseline ranks the same jobs (a sort of their scores), the part of the tick that grows fastest with the job count.
/// </summary>
[MemoryDiagnoser]
public class SchedulerBenchmarks
{
    private const int Markets = 20;
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly double[] _prices = new double[Markets];
    private LiquidationScheduler _scheduler = null!;
    private SellInstruction[] _buffer = null!;
    private double[] _scores = null!;
    private long[] _ids = null!;
    private long _fill;

    [Params(10000)]
    public int Jobs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var markets = new SchedulerMarket[Markets];
        for (var m = 0; m < Markets; m++)
        {
            markets[m] = new SchedulerMarket(new UnlimitedVolumeThrottle(new MarketId(m)), 0.001, 1.0);
            _prices[m] = 100 + m;
        }

        _scheduler = new LiquidationScheduler(
            markets,
            new LiquidationSchedulerOptions { AccountCooldown = TimeSpan.Zero, MaxSharePerInterval = 1.0, StartJitter = TimeSpan.FromSeconds(5), Retention = TimeSpan.FromSeconds(30) },
            _clock);
        var random = new Random(5);
        for (var j = 0; j < Jobs; j++)
        {
            // Large jobs with one-unit slices: they stay active for the whole run.
            _scheduler.Submit(new LiquidationRequest(new AccountId(j), new MarketId(j % Markets), LiquidationTarget.Quantity, 1e9, random.NextDouble()));
        }

        _buffer = new SellInstruction[Jobs];
        _scores = new double[Jobs];
        _ids = new long[Jobs];
        for (var j = 0; j < Jobs; j++)
        {
            _scores[j] = random.NextDouble();
            _ids[j] = j;
        }

        for (var i = 0; i < 50; i++)
        {
            Tick();
        }
    }

    [Benchmark(Baseline = true)]
    public void RankBaseline()
    {
        for (var j = 0; j < _scores.Length; j++)
        {
            _scores[j] = 1 - _scores[j];
        }

        _scores.AsSpan().Sort(_ids.AsSpan());
    }

    [Benchmark]
    public int Tick()
    {
        _clock.Advance(TimeSpan.FromSeconds(1));
        var summary = _scheduler.Tick(_prices, _buffer);
        for (var i = 0; i < summary.Released; i++)
        {
            _scheduler.ApplyFill(new FillReport(++_fill, _buffer[i].Id, _buffer[i].Quantity, _prices[_buffer[i].Market.Value]));
        }

        return summary.Released;
    }

    private sealed class ManualClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
