using BenchmarkDotNet.Attributes;
using CascadeGuard.Primitives;
using CascadeGuard.Throttling;

namespace CascadeGuard.Benchmarks.Throttling;

/// <summary>
/// One reserve + commit cycle on the depth-aware throttle (all three terms live: depth, a 60-bucket volume window and a
/// notional cap) against the same cycle on the unlimited throttle, which does only the lease bookkeeping and the lock.
/// Depth, volume and cap are set so large that every cycle is granted: the steady state of a busy market.
/// </summary>
[MemoryDiagnoser]
public class ThrottleBenchmarks
{
    private VolumeThrottle _throttle = null!;
    private UnlimitedVolumeThrottle _unlimited = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new VolumeThrottleOptions
        {
            MaxDepthAge = TimeSpan.FromDays(3650),
            RecoveryHalfLife = TimeSpan.FromMilliseconds(1),
            MaxNotionalPerInterval = 1e300,
            NotionalInterval = TimeSpan.FromDays(3650),
        };
        _throttle = new VolumeThrottle(new MarketId(0), options, TimeProvider.System);
        _throttle.UpdateDepth(1e15, 100, TimeProvider.System.GetUtcNow());
        _throttle.RecordMarketVolume(1e18);
        _unlimited = new UnlimitedVolumeThrottle(new MarketId(0));
    }

    [Benchmark(Baseline = true)]
    public double ReserveCommitUnlimited()
    {
        var lease = _unlimited.TryReserve(1, 1);
        _unlimited.Commit(lease.Id, 1, 100);
        return lease.Quantity;
    }

    [Benchmark]
    public double ReserveCommit()
    {
        var lease = _throttle.TryReserve(1, 1);
        _throttle.Commit(lease.Id, 1, 100);
        return lease.Quantity;
    }
}
