using CascadeGuard.Primitives;
using CascadeGuard.Throttling;
using Microsoft.Extensions.Time.Testing;

namespace CascadeGuard.Tests.Throttling;

internal static class ThrottleFixture
{
    public static readonly DateTimeOffset T0 = new(2024, 12, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Depth term only: half of the depth, 30 s recovery half-life, no volume term, no cap.</summary>
    public static VolumeThrottleOptions DepthOnly() => new()
    {
        DepthParticipation = 0.5,
        VolumeParticipation = double.PositiveInfinity,
        RecoveryHalfLife = TimeSpan.FromSeconds(30),
        MaxDepthAge = TimeSpan.FromMinutes(10),
        VolumeWindow = TimeSpan.FromSeconds(60),
        VolumeWindowBuckets = 6,
        NotionalInterval = TimeSpan.FromSeconds(60),
    };

    public static (VolumeThrottle Throttle, FakeTimeProvider Time) Create(VolumeThrottleOptions options)
    {
        var time = new FakeTimeProvider(T0);
        return (new VolumeThrottle(new MarketId(1), options, time), time);
    }
}
