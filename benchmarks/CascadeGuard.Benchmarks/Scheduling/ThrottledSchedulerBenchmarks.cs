using BenchmarkDotNet.Attributes;
using CascadeGuard.Benchmarks.Oracle;
using CascadeGuard.Primitives;
using CascadeGuard.Scheduling;
using CascadeGuard.Throttling;

namespace CascadeGuard.Benchmarks.Scheduling;

/// <summary>
/// One scheduler tick (a minute apart) while <see cref="Jobs"/> large jobs wait across 5 markets and each market's volume
/// throttle grants about 20 one-unit slices per tick: the stressed state of a cascade, where the budget is spent after a few
/// slices and every other job waits. The baseline touches one number per job, the floor of any tick that looks at every job.
/// </summary>
[MemoryDiagnoser]
public class ThrottledSchedulerBenchmarks
{
    private const int Markets = 5;
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
    private readonly double[] _prices = new double[Markets];
    private readonly VolumeThrottle[] _throttles = new VolumeThrottle[Markets];
    private LiquidationScheduler _scheduler = null!;
    private SellInstruction[] _buffer = null!;
    private double[] _health = null!;
    private long _fill;

    [Params(50000)]
    public int Jobs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var markets = new SchedulerMarket[Markets];
        for (var m = 0; m < Markets; m++)
        {
            _throttles[m] = new VolumeThrottle(new MarketId(m), new VolumeThrottleOptions { VolumeParticipation = double.PositiveInfinity, MaxDepthAge = TimeSpan.FromMinutes(2) }, _clock);
            markets[m] = new SchedulerMarket(_throttles[m], 0.001, 1.0);
            _prices[m] = 100 + m;
        }

        _scheduler = new LiquidationScheduler(markets, new LiquidationSchedulerOptions(), _clock);
        var random = new Random(5);
        _health = new double[Jobs];
        for (var j = 0; j < Jobs; j++)
        {
            // Large jobs with one-unit slices: they stay active for the whole run.
            _health[j] = random.NextDouble();
            _scheduler.Submit(new LiquidationRequest(new AccountId(j), new MarketId(j % Markets), LiquidationTarget.Quantity, 1e9, _health[j]));
        }

        _buffer = new SellInstruction[1024];
        for (var i = 0; i < 50; i++)
        {
            Tick();
        }
    }

    [Benchmark(Baseline = true)]
    public double ScanBaseline()
    {
        var least = double.PositiveInfinity;
        foreach (var h in _health)
        {
            least = Math.Min(least, h);
        }

        return least;
    }

    [Benchmark]
    public int Tick()
    {
        _clock.Now += TimeSpan.FromMinutes(1);
        for (var m = 0; m < Markets; m++)
        {
            // A budget of 0.25 × 80 = 20 units a tick.
            _throttles[m].UpdateDepth(80, _prices[m], _clock.GetUtcNow());
        }

        var summary = _scheduler.Tick(_prices, _buffer);
        for (var i = 0; i < summary.Released; i++)
        {
            _scheduler.ApplyFill(new FillReport(++_fill, _buffer[i].Id, _buffer[i].Quantity, _prices[_buffer[i].Market.Value]));
        }

        return summary.Released;
    }
}
