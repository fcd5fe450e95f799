using CascadeGuard.Depth;
using CascadeGuard.Primitives;
using CascadeGuard.Tests.Depth;
using CascadeGuard.Tests.Support;
using CascadeGuard.Throttling;
using CascadeGuard.Venues;
using static CascadeGuard.Tests.Throttling.ThrottleFixture;

namespace CascadeGuard.Tests.Throttling;

[Collection(AllocationMeasurements.Name)]
public class VolumeThrottleTests
{
    [Fact]
    public void Nothing_is_sold_before_depth_is_known()
    {
        var (throttle, _) = Create(DepthOnly());
        var lease = throttle.TryReserve(1, 1);
        lease.IsGranted.Should().BeFalse();
        lease.Id.Should().Be(default(LeaseId));
        lease.Reason.Should().Be(ThrottleReason.NoDepth);
        lease.RetryAt.Should().BeNull();
        throttle.Available.Should().Be(0);
        throttle.Market.Should().Be(new MarketId(1));
        throttle.GetStatistics().Limit.Should().Be(ThrottleReason.NoDepth);
    }

    [Fact]
    public void Depth_budget_reserves_commits_releases_and_refills_at_the_half_life()
    {
        var (throttle, time) = Create(DepthOnly());
        throttle.UpdateDepth(100, 1000, T0).Should().BeTrue();
        throttle.Available.Should().Be(50); // 0.5 × 100

        var first = throttle.TryReserve(30, 30);
        first.IsGranted.Should().BeTrue();
        first.Id.Should().Be(new LeaseId(1));
        first.Quantity.Should().Be(30);
        first.Reason.Should().Be(ThrottleReason.None);
        first.Available.Should().Be(50);
        throttle.Available.Should().Be(20);

        // In flight counts against the budget; it comes back only by a fill or a release, never by the clock.
        var refused = throttle.TryReserve(30, 30);
        refused.IsGranted.Should().BeFalse();
        refused.Reason.Should().Be(ThrottleReason.DepthLimit);
        refused.RetryAt.Should().BeNull();

        var cut = throttle.TryReserve(30, 10);
        cut.Quantity.Should().Be(20);
        cut.Reason.Should().Be(ThrottleReason.DepthLimit);
        cut.Id.Should().Be(new LeaseId(2));

        throttle.Commit(first.Id, 30, 1000).Should().Be(new LeaseUpdate(LeaseUpdateStatus.Applied, 0, 0));
        throttle.Available.Should().Be(0); // 50 − 30 recovering − 20 in flight
        throttle.Release(cut.Id).Should().Be(new LeaseUpdate(LeaseUpdateStatus.Applied, 0, 20));
        throttle.Available.Should().Be(20);

        // 35 needs the missing 30 to decay to 15: exactly one half-life.
        var wait = throttle.TryReserve(35, 35);
        wait.Reason.Should().Be(ThrottleReason.DepthLimit);
        wait.RetryAt.Should().Be(T0.AddSeconds(30));
        time.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromTicks(1));
        throttle.TryReserve(35, 35).IsGranted.Should().BeFalse();
        time.Advance(TimeSpan.FromTicks(1));
        throttle.Available.Should().Be(35);
        throttle.TryReserve(35, 35).IsGranted.Should().BeTrue();

        var stats = throttle.GetStatistics();
        stats.Should().Be(new ThrottleStatistics(0, 35, 1, 85, 30, 20, 3, 3, 1, ThrottleReason.DepthLimit));
    }

    [Fact]
    public void Retry_time_for_an_odd_target_is_the_first_tick_that_grants()
    {
        var (throttle, time) = Create(DepthOnly());
        throttle.UpdateDepth(100, 1000, T0);
        var lease = throttle.TryReserve(40, 40);
        throttle.Commit(lease.Id, 40, 999);
        var refused = throttle.TryReserve(17, 17);
        var retry = refused.RetryAt!.Value;
        // 50 − 40·2^(−t/30) ≥ 17 ⇔ t ≥ 30·log₂(40/33) ≈ 8.33 s.
        (retry - T0).TotalSeconds.Should().BeApproximately(30 * Math.Log2(40.0 / 33), 1e-6);
        time.SetUtcNow(retry - TimeSpan.FromTicks(1));
        throttle.TryReserve(17, 17).IsGranted.Should().BeFalse();
        time.SetUtcNow(retry);
        throttle.TryReserve(17, 17).IsGranted.Should().BeTrue();
    }

    [Fact]
    public void Notional_cap_resets_at_the_next_interval()
    {
        var options = DepthOnly();
        options.MaxNotionalPerInterval = 20_000;
        var (throttle, time) = Create(options);
        throttle.UpdateDepth(100, 1000, T0);
        throttle.Available.Should().Be(20); // 20,000 ÷ 1,000 binds before the depth term's 50
        throttle.GetStatistics().Limit.Should().Be(ThrottleReason.NotionalCap);
        var lease = throttle.TryReserve(25, 5);
        lease.Quantity.Should().Be(20);
        lease.Reason.Should().Be(ThrottleReason.NotionalCap);
        throttle.Commit(lease.Id, 20, 1000);

        var refused = throttle.TryReserve(10, 10);
        refused.Reason.Should().Be(ThrottleReason.NotionalCap);
        // At t = 60 s the interval rolls; the depth term is 50 − 20·¼ = 45 by then.
        refused.RetryAt.Should().Be(T0.AddSeconds(60));
        time.Advance(TimeSpan.FromSeconds(59));
        throttle.TryReserve(10, 10).IsGranted.Should().BeFalse();
        time.Advance(TimeSpan.FromSeconds(1));
        throttle.TryReserve(10, 10).IsGranted.Should().BeTrue();
    }

    [Fact]
    public void Volume_term_follows_trailing_market_volume_and_own_fills()
    {
        var options = DepthOnly();
        options.VolumeParticipation = 0.1;
        var (throttle, time) = Create(options);
        throttle.UpdateDepth(1_000_000, 10, T0);
        throttle.TryReserve(1, 1).Reason.Should().Be(ThrottleReason.VolumeLimit);

        throttle.RecordMarketVolume(1000);
        throttle.Available.Should().Be(100);
        var lease = throttle.TryReserve(100, 100);
        throttle.Commit(lease.Id, 100, 10);
        var refused = throttle.TryReserve(10, 10);
        refused.Reason.Should().Be(ThrottleReason.VolumeLimit);
        // Market volume and own fills share a bucket and leave the window together: the clock alone never helps.
        refused.RetryAt.Should().BeNull();

        time.Advance(TimeSpan.FromSeconds(15));
        throttle.RecordMarketVolume(500);
        throttle.Available.Should().Be(50);

        // A minute after the first bucket it leaves the window, own fill included: 0.1 × 500 remain.
        time.Advance(TimeSpan.FromSeconds(45));
        throttle.Available.Should().Be(50);
        time.Advance(TimeSpan.FromSeconds(10));
        throttle.Available.Should().Be(0);
    }

    [Fact]
    public void Volume_term_retry_is_the_bucket_boundary_where_old_fills_leave()
    {
        // Own fills made before volatility rose weigh more than the (now tightened) share of their bucket's volume,
        // so the window improves when their bucket leaves it.
        var options = DepthOnly();
        options.VolumeParticipation = 0.1;
        var (throttle, time) = Create(options);
        throttle.UpdateDepth(1_000_000, 10, T0);
        throttle.RecordMarketVolume(1000);
        var lease = throttle.TryReserve(100, 100);
        throttle.Commit(lease.Id, 100, 10);
        time.Advance(TimeSpan.FromSeconds(20));
        throttle.RecordMarketVolume(2000);
        throttle.UpdateConditions(new ThrottleConditions(1.2, 0)); // σ = 2 × reference: m = 0.5
        throttle.GetStatistics().Multiplier.Should().Be(0.5);
        throttle.Available.Should().Be(50); // 0.5 × 0.1 × 3000 − 100

        var refused = throttle.TryReserve(80, 80);
        refused.Reason.Should().Be(ThrottleReason.VolumeLimit);
        // At 60 s bucket 0 (1000 volume, 100 own) leaves: 0.5 × 0.1 × 2000 − 0 = 100.
        refused.RetryAt.Should().Be(T0.AddSeconds(60));
        time.SetUtcNow(T0.AddSeconds(60) - TimeSpan.FromTicks(1));
        throttle.Available.Should().Be(50);
        time.SetUtcNow(T0.AddSeconds(60));
        throttle.Available.Should().Be(100);
    }

    [Theory]
    // Volatility at or below the reference leaves the budget alone; above, it scales by reference ÷ realized.
    [InlineData(0.3, 0.0, 1.0)]
    [InlineData(0.6, 0.0, 1.0)]
    [InlineData(0.8, 0.0, 0.75)]
    // VPIN ramps linearly from 1 at 0.3 to the 0.25 floor at 0.7.
    [InlineData(0.0, 0.5, 0.625)]
    [InlineData(0.0, 0.7, 0.25)]
    [InlineData(0.0, 1.0, 0.25)]
    // Both: 0.75 × 0.625, and a product below the floor is lifted to it.
    [InlineData(0.8, 0.5, 0.46875)]
    [InlineData(6.0, 0.6, 0.25)]
    public void Conditions_tighten_by_bounded_multipliers(double volatility, double vpin, double expected)
    {
        var (throttle, _) = Create(DepthOnly());
        throttle.UpdateDepth(100, 1000, T0);
        throttle.UpdateConditions(new ThrottleConditions(volatility, vpin));
        throttle.GetStatistics().Multiplier.Should().BeApproximately(expected, 1e-15);
        throttle.Available.Should().BeApproximately(50 * expected, 1e-12);
    }

    [Fact]
    public void Stale_depth_closes_the_budget_and_late_reports_are_ignored()
    {
        var options = DepthOnly();
        options.MaxDepthAge = TimeSpan.FromSeconds(10);
        var (throttle, time) = Create(options);
        throttle.UpdateDepth(100, 1000, T0);
        time.Advance(TimeSpan.FromSeconds(10));
        throttle.Available.Should().Be(50);
        time.Advance(TimeSpan.FromTicks(1));
        var refused = throttle.TryReserve(1, 1);
        refused.Reason.Should().Be(ThrottleReason.StaleDepth);
        refused.RetryAt.Should().BeNull();
        throttle.UpdateDepth(80, 1000, T0.AddSeconds(-1)).Should().BeFalse();
        throttle.Available.Should().Be(0);
        throttle.UpdateDepth(80, 1000, time.GetUtcNow()).Should().BeTrue();
        throttle.Available.Should().Be(40);
    }

    [Fact]
    public void Retry_is_not_promised_past_the_depth_reports_age_limit()
    {
        var options = DepthOnly();
        options.MaxDepthAge = TimeSpan.FromSeconds(20);
        var (throttle, _) = Create(options);
        throttle.UpdateDepth(100, 1000, T0);
        var lease = throttle.TryReserve(30, 30);
        throttle.Commit(lease.Id, 30, 1000);
        // Needs the full half-life (30 s) but the book is stale after 20 s.
        throttle.TryReserve(35, 35).RetryAt.Should().BeNull();
    }

    [Fact]
    public void Extreme_spans_and_timestamps_do_not_overflow_the_retry_search()
    {
        var options = DepthOnly();
        options.MaxDepthAge = TimeSpan.MaxValue;
        options.VolumeParticipation = 0.5;
        options.VolumeWindow = TimeSpan.FromTicks(TimeSpan.MaxValue.Ticks / 10 * 10);
        options.VolumeWindowBuckets = 10;
        options.MaxNotionalPerInterval = 1;
        options.NotionalInterval = TimeSpan.MaxValue;
        options.RecoveryHalfLife = TimeSpan.MaxValue;
        var (throttle, _) = Create(options);
        throttle.UpdateDepth(100, 1000, DateTimeOffset.MaxValue);
        throttle.RecordMarketVolume(10);
        var refused = throttle.TryReserve(50, 50);
        refused.IsGranted.Should().BeFalse();
        refused.Reason.Should().Be(ThrottleReason.NotionalCap);
    }

    [Fact]
    public void Depth_from_a_venue_uses_the_bound_and_the_best_bid()
    {
        var options = DepthOnly();
        options.MaxSlippageBps = 100;
        options.SlippageMeasure = SlippageMeasure.WorstPrice;
        options.SlippageReference = SlippageReference.Best;
        options.MaxNotionalPerInterval = 10_000;
        var (throttle, _) = Create(options);
        var venue = new OrderBookVenue();
        venue.Load(Books.View([new(100, 1), new(99, 2), new(98, 3)], [new(101, 1)]));
        throttle.UpdateDepth(venue, T0).Should().BeTrue();
        // Levels within 100 bps of the best bid: 3 units; half of it is 1.5. The cap converts at the best bid, 100.
        throttle.Available.Should().Be(1.5);
        throttle.GetStatistics().Limit.Should().Be(ThrottleReason.DepthLimit);
    }

    [Fact]
    public void Lease_rules_refuse_unknown_closed_and_oversized_reports_without_change()
    {
        var (throttle, _) = Create(DepthOnly());
        throttle.UpdateDepth(100, 1000, T0);
        var lease = throttle.TryReserve(10, 10);
        var before = throttle.SaveSnapshot();
        throttle.Commit(new LeaseId(99), 1, 1000).Status.Should().Be(LeaseUpdateStatus.UnknownLease);
        throttle.Commit(new LeaseId(0), 1, 1000).Status.Should().Be(LeaseUpdateStatus.UnknownLease);
        throttle.Release(new LeaseId(-3)).Status.Should().Be(LeaseUpdateStatus.UnknownLease);
        throttle.Commit(lease.Id, 10.5, 1000).Should().Be(new LeaseUpdate(LeaseUpdateStatus.ExceedsLease, 10, 0));
        throttle.SaveSnapshot().Should().Be(before);

        throttle.Commit(lease.Id, 4, 1000).Should().Be(new LeaseUpdate(LeaseUpdateStatus.Applied, 6, 0));
        throttle.Release(lease.Id).Should().Be(new LeaseUpdate(LeaseUpdateStatus.Applied, 0, 6));
        var closed = throttle.SaveSnapshot();
        throttle.Release(lease.Id).Status.Should().Be(LeaseUpdateStatus.LeaseClosed);
        throttle.Commit(lease.Id, 1, 1000).Status.Should().Be(LeaseUpdateStatus.LeaseClosed);
        throttle.SaveSnapshot().Should().Be(closed);
    }

    [Fact]
    public void Open_lease_limit_refuses_with_its_own_reason()
    {
        var options = DepthOnly();
        options.MaxOpenLeases = 2;
        var (throttle, _) = Create(options);
        throttle.UpdateDepth(100, 1000, T0);
        throttle.TryReserve(1, 1).IsGranted.Should().BeTrue();
        throttle.TryReserve(1, 1).IsGranted.Should().BeTrue();
        var refused = throttle.TryReserve(1, 1);
        refused.Reason.Should().Be(ThrottleReason.TooManyLeases);
        refused.RetryAt.Should().BeNull();
        refused.Available.Should().Be(48);
    }

    [Fact]
    public void Bad_arguments_throw_and_leave_state_unchanged()
    {
        var (throttle, _) = Create(DepthOnly());
        throttle.UpdateDepth(100, 1000, T0);
        var lease = throttle.TryReserve(10, 10);
        var before = throttle.SaveSnapshot();
        var cases = new (Action Act, string Parameter)[]
        {
            (() => throttle.TryReserve(double.NaN, 1), "quantity"),
            (() => throttle.TryReserve(0, 0), "quantity"),
            (() => throttle.TryReserve(-1, 1), "quantity"),
            (() => throttle.TryReserve(1, 0), "minimumQuantity"),
            (() => throttle.TryReserve(1, 2), "minimumQuantity"),
            (() => throttle.TryReserve(1, double.PositiveInfinity), "minimumQuantity"),
            (() => throttle.Commit(lease.Id, 0, 1000), "quantity"),
            (() => throttle.Commit(lease.Id, double.NaN, 1000), "quantity"),
            (() => throttle.Commit(lease.Id, 1, 0), "price"),
            (() => throttle.Commit(lease.Id, 1, double.PositiveInfinity), "price"),
            (() => throttle.UpdateDepth(double.NaN, 1000, T0), "depthQuantity"),
            (() => throttle.UpdateDepth(-1, 1000, T0), "depthQuantity"),
            (() => throttle.UpdateDepth(1, 0, T0), "referencePrice"),
            (() => throttle.UpdateDepth(1, double.NaN, T0), "referencePrice"),
            (() => throttle.UpdateDepth(null!, T0), "venue"),
            (() => throttle.RecordMarketVolume(-1), "quantity"),
            (() => throttle.RecordMarketVolume(double.PositiveInfinity), "quantity"),
            (() => throttle.UpdateConditions(new ThrottleConditions(double.NaN, 0)), "conditions.RealizedVolatility"),
            (() => throttle.UpdateConditions(new ThrottleConditions(-0.1, 0)), "conditions.RealizedVolatility"),
            (() => throttle.UpdateConditions(new ThrottleConditions(0.1, 1.5)), "conditions.Vpin"),
            (() => throttle.UpdateConditions(new ThrottleConditions(0.1, double.NaN)), "conditions.Vpin"),
        };
        foreach (var (act, parameter) in cases)
        {
            act.Should().Throw<ArgumentException>().WithParameterName(parameter);
            throttle.SaveSnapshot().Should().Be(before);
        }
    }

    public static TheoryData<Action<VolumeThrottleOptions>, string> BadOptions => new()
    {
        { o => o.MaxSlippageBps = -1, "MaxSlippageBps" },
        { o => o.MaxSlippageBps = double.NaN, "MaxSlippageBps" },
        { o => o.SlippageMeasure = (SlippageMeasure)7, "SlippageMeasure" },
        { o => o.SlippageReference = (SlippageReference)7, "SlippageReference" },
        { o => o.DepthParticipation = 0, "DepthParticipation" },
        { o => o.DepthParticipation = 1.5, "DepthParticipation" },
        { o => o.VolumeParticipation = 0, "VolumeParticipation" },
        { o => o.VolumeParticipation = double.NaN, "VolumeParticipation" },
        { o => o.VolumeWindow = TimeSpan.Zero, "VolumeWindow" },
        { o => o.VolumeWindowBuckets = 0, "VolumeWindowBuckets" },
        { o => o.VolumeWindowBuckets = 7, "VolumeWindow" },
        { o => o.MaxNotionalPerInterval = 0, "MaxNotionalPerInterval" },
        { o => o.MaxNotionalPerInterval = double.NaN, "MaxNotionalPerInterval" },
        { o => o.NotionalInterval = TimeSpan.Zero, "NotionalInterval" },
        { o => o.RecoveryHalfLife = TimeSpan.Zero, "RecoveryHalfLife" },
        { o => o.MaxDepthAge = TimeSpan.FromSeconds(-1), "MaxDepthAge" },
        { o => o.ReferenceVolatility = 0, "ReferenceVolatility" },
        { o => o.VpinThreshold = 1, "VpinThreshold" },
        { o => o.VpinCeiling = 0.2, "VpinCeiling" },
        { o => o.VpinCeiling = 1.1, "VpinCeiling" },
        { o => o.MinimumMultiplier = 0, "MinimumMultiplier" },
        { o => o.MaxOpenLeases = 0, "MaxOpenLeases" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Every_bad_option_is_named(Action<VolumeThrottleOptions> spoil, string name)
    {
        var options = DepthOnly();
        spoil(options);
        FluentActions.Invoking(() => Create(options)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName(name);
    }

    [Fact]
    public void Options_are_copied_at_construction()
    {
        var options = DepthOnly();
        var (throttle, _) = Create(options);
        options.DepthParticipation = 0.1;
        throttle.UpdateDepth(100, 1000, T0);
        throttle.Available.Should().Be(50);
        FluentActions.Invoking(() => new VolumeThrottle(new MarketId(0), null!, TimeProvider.System)).Should().Throw<ArgumentNullException>().WithParameterName("options");
        FluentActions.Invoking(() => new VolumeThrottle(new MarketId(0), new VolumeThrottleOptions(), null!)).Should().Throw<ArgumentNullException>().WithParameterName("timeProvider");
    }

    [Fact]
    public void Reserve_and_commit_allocate_nothing_in_steady_state()
    {
        var (throttle, _) = Create(DepthOnly());
        throttle.UpdateDepth(1_000_000, 1000, T0);
        for (var i = 0; i < 100; i++)
        {
            throttle.Commit(throttle.TryReserve(1, 1).Id, 1, 1000);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            throttle.Commit(throttle.TryReserve(1, 1).Id, 1, 1000);
        }

        GC.GetAllocatedBytesForCurrentThread().Should().Be(allocated);
    }
}
