using CascadeGuard.Feeds;
using CascadeGuard.Oracle;
using CascadeGuard.Tests.Support;

namespace CascadeGuard.Tests.Oracle;

public class OracleGuardTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private static OracleHarness Raw(Action<OracleGuardOptions>? more = null) =>
        new(OracleHarness.Options(o =>
        {
            o.Smoothing = OracleSmoothing.None;
            more?.Invoke(o);
        }));

    [Fact]
    public void No_quote_is_unavailable_and_not_actionable()
    {
        var h = new OracleHarness(new OracleGuardOptions());
        var d = h.Guard.Decide();
        d.Status.Should().Be(OracleStatus.Unavailable);
        d.CanLiquidate.Should().BeFalse();
        d.Price.Should().Be(0);
    }

    [Fact]
    public void Unsmoothed_undelayed_price_is_fresh()
    {
        var h = Raw();
        var u = h.Quote(2000);
        u.Accepted.Should().BeTrue();
        u.Decision.Status.Should().Be(OracleStatus.Fresh);
        u.Decision.Price.Should().Be(2000);
        u.Decision.CanLiquidate.Should().BeTrue();
        h.QuoteAfter(Second, 2010).Decision.Price.Should().Be(2010);
    }

    [Fact]
    public void Default_options_smooth_with_a_twap()
    {
        // Default: TWAP over 60 s. 100 for 30 s then 108 for 30 s: the average is exactly 104.
        var h = new OracleHarness(new OracleGuardOptions());
        h.Quote(100).Decision.Should().Match<OracleDecision>(d => d.Status == OracleStatus.Smoothed && d.Price == 100);
        h.QuoteAfter(TimeSpan.FromSeconds(30), 108);
        var d = h.DecideAfter(TimeSpan.FromSeconds(30));
        d.Price.Should().Be(104);
        d.Status.Should().Be(OracleStatus.Smoothed);
    }

    [Fact]
    public void Staleness_boundary_is_exact()
    {
        // A quote exactly MaxStaleness old is fresh; one tick older pauses the asset.
        var h = Raw(o => o.MaxStaleness = TimeSpan.FromSeconds(60));
        h.Quote(2000);
        var atLimit = h.DecideAfter(TimeSpan.FromSeconds(60));
        atLimit.Status.Should().Be(OracleStatus.Fresh);
        atLimit.Age.Should().Be(TimeSpan.FromSeconds(60));
        var beyond = h.DecideAfter(Tick);
        beyond.Status.Should().Be(OracleStatus.StalePaused);
        beyond.CanLiquidate.Should().BeFalse();
        beyond.Price.Should().Be(2000, "the last price is kept for display");
        h.Quote(2001).Decision.Status.Should().Be(OracleStatus.Fresh, "a new quote resumes the asset");
    }

    [Fact]
    public void Held_quotes_do_not_keep_the_price_fresh()
    {
        // A feed that only sends unconfirmed jumps (alternating ±30 %) keeps arriving but never moves the admitted
        // price: once the last admitted quote is older than the limit, the asset pauses instead of being liquidated
        // on an ever older price.
        var h = Raw(o => o.MaxStaleness = TimeSpan.FromSeconds(10));
        h.Quote(100);
        for (var i = 1; i <= 10; i++)
        {
            h.QuoteAfter(Second, i % 2 == 0 ? 130 : 70).Decision.Status.Should().Be(OracleStatus.DeviationHeld);
        }

        var paused = h.QuoteAfter(Second, 130).Decision;
        paused.Status.Should().Be(OracleStatus.StalePaused);
        paused.Age.Should().Be(TimeSpan.FromSeconds(11));
        h.QuoteAfter(Second, 101).Decision.Status.Should().Be(OracleStatus.Fresh, "an in-line quote is admitted and resumes the asset");
    }

    [Fact]
    public void Quote_already_stale_on_arrival_is_rejected_at_the_exact_boundary()
    {
        var h = Raw(o => o.MaxStaleness = TimeSpan.FromSeconds(60));
        h.Quote(2000, latency: TimeSpan.FromSeconds(60)).Accepted.Should().BeTrue();
        h.Clock.Advance(Second);
        h.Quote(2001, latency: TimeSpan.FromSeconds(60) + Tick).Rejection.Should().Be(QuoteRejection.Stale);
    }

    [Fact]
    public void Future_skew_boundary_is_exact()
    {
        var h = Raw(o => o.MaxFutureSkew = TimeSpan.FromSeconds(2));
        h.Quote(2000, latency: -TimeSpan.FromSeconds(2)).Accepted.Should().BeTrue();
        h.Quote(2000, latency: -(TimeSpan.FromSeconds(2) + Tick)).Rejection.Should().Be(QuoteRejection.FromFuture);
    }

    [Fact]
    public void Deviation_boundary_is_exact()
    {
        // 64 → 72 is exactly +12.5 % (binary-exact): in line. The next double above 72 is beyond the limit.
        var h = Raw(o => o.MaxDeviation = 0.125);
        h.Quote(64);
        h.QuoteAfter(Second, 72).Decision.Should().Match<OracleDecision>(d => d.Status == OracleStatus.Fresh && d.Price == 72);

        var g = Raw(o => o.MaxDeviation = 0.125);
        g.Quote(64);
        var held = g.QuoteAfter(Second, Math.BitIncrement(72.0)).Decision;
        held.Status.Should().Be(OracleStatus.DeviationHeld);
        held.Price.Should().Be(64);
        held.LatestPrice.Should().Be(Math.BitIncrement(72.0));
        held.CanLiquidate.Should().BeTrue("the held price is the last trusted one");

        var down = Raw(o => o.MaxDeviation = 0.125);
        down.Quote(64);
        down.QuoteAfter(Second, 56).Decision.Status.Should().Be(OracleStatus.Fresh, "64 → 56 is exactly −12.5 %");
        down.QuoteAfter(Second, Math.BitDecrement(49.0)).Decision.Status.Should().Be(OracleStatus.DeviationHeld, "56 → below 49 is beyond −12.5 %");
    }

    [Fact]
    public void Jump_is_confirmed_by_later_quotes()
    {
        var h = Raw(o => o.ConfirmationQuotes = 3);
        h.Quote(100);
        h.QuoteAfter(Second, 130).Decision.Should().Match<OracleDecision>(d => d.Status == OracleStatus.DeviationHeld && d.Price == 100);
        h.QuoteAfter(Second, 131).Decision.Should().Match<OracleDecision>(d => d.Status == OracleStatus.DeviationHeld && d.Price == 100);
        h.QuoteAfter(Second, 132).Decision.Should().Match<OracleDecision>(d => d.Status == OracleStatus.Confirmed && d.Price == 132);
        h.QuoteAfter(Second, 133).Decision.Should().Match<OracleDecision>(d => d.Status == OracleStatus.Fresh && d.Price == 133, "quotes at the new level are in line");
        h.Guard.Statistics.Should().Match<OracleGuardStatistics>(s => s.AcceptedQuotes == 5 && s.HeldQuotes == 2 && s.Confirmations == 1);
    }

    [Fact]
    public void Jump_is_confirmed_by_a_second_source()
    {
        // Two sources: the candidate is their median (the mean of two). Source 0 alone moves it 15 %: held.
        // Source 1 agreeing moves it 30 %, from a second source: confirmed at once.
        var h = Raw(o => o.SourceCount = 2);
        h.Quote(100, source: 0);
        h.Quote(100, source: 1);
        h.QuoteAfter(Second, 130, source: 0).Decision.Should().Match<OracleDecision>(d => d.Status == OracleStatus.DeviationHeld && d.LatestPrice == 115);
        h.QuoteAfter(Second, 130, source: 1).Decision.Should().Match<OracleDecision>(d => d.Status == OracleStatus.Confirmed && d.Price == 130);
    }

    [Fact]
    public void Reverting_wick_is_never_admitted_and_opposite_jumps_restart_the_count()
    {
        var h = Raw(o => o.ConfirmationQuotes = 2);
        h.Quote(100);
        h.QuoteAfter(Second, 70).Decision.Status.Should().Be(OracleStatus.DeviationHeld);
        h.QuoteAfter(Second, 101).Decision.Should().Match<OracleDecision>(d => d.Status == OracleStatus.Fresh && d.Price == 101);
        h.QuoteAfter(Second, 140).Decision.Status.Should().Be(OracleStatus.DeviationHeld);
        h.QuoteAfter(Second, 70).Decision.Status.Should().Be(OracleStatus.DeviationHeld, "a jump the other way starts a new count");
        h.QuoteAfter(Second, 70).Decision.Should().Match<OracleDecision>(d => d.Status == OracleStatus.Confirmed && d.Price == 70);
    }

    [Fact]
    public void Median_of_sources_ignores_one_outlier_and_drops_stale_sources()
    {
        var h = Raw(o =>
        {
            o.SourceCount = 3;
            o.MaxStaleness = TimeSpan.FromSeconds(10);
        });
        h.Quote(100, 0);
        h.Quote(101, 1);
        h.Quote(500, 2).Decision.Should().Match<OracleDecision>(d => d.Price == 101 && d.Status == OracleStatus.Fresh);

        // Sources 1 and 2 fall silent; after 10 s + 1 tick only source 0 is live.
        h.Clock.Advance(TimeSpan.FromSeconds(10) + Tick);
        h.Quote(102, 0).Decision.Should().Match<OracleDecision>(d => d.Price == 102 && d.LatestPrice == 102);
    }

    [Fact]
    public void Ema_matches_the_closed_form()
    {
        // Continuous EMA with half-life 10 s: a step from 100 to 200 at t = 10 s is half absorbed at t = 20 s and
        // three quarters at t = 30 s: 150, then 175. Before the step the EMA is flat at 100.
        var h = new OracleHarness(OracleHarness.Options(o =>
        {
            o.Smoothing = OracleSmoothing.Ema;
            o.EmaHalfLife = TimeSpan.FromSeconds(10);
            o.MaxDeviation = double.PositiveInfinity;
        }));
        h.Quote(100);
        h.QuoteAfter(TimeSpan.FromSeconds(10), 200).Decision.Price.Should().Be(100);
        h.DecideAfter(TimeSpan.FromSeconds(10)).Price.Should().BeApproximately(150, 1e-12);
        h.DecideAfter(TimeSpan.FromSeconds(10)).Price.Should().BeApproximately(175, 1e-12);
        h.QuoteAfter(TimeSpan.Zero, 100).Decision.Price.Should().BeApproximately(175, 1e-12);
        h.DecideAfter(TimeSpan.FromSeconds(10)).Price.Should().BeApproximately(137.5, 1e-12, "175 relaxes halfway back to 100");
    }

    [Fact]
    public void Delay_acts_on_the_price_from_a_fixed_time_ago()
    {
        var h = Raw(o =>
        {
            o.Delay = TimeSpan.FromSeconds(30);
            o.MaxDeviation = double.PositiveInfinity;
        });
        h.Quote(100).Decision.Status.Should().Be(OracleStatus.Unavailable, "the delay window does not reach back to any quote yet");
        h.DecideAfter(TimeSpan.FromSeconds(30) - Tick).Status.Should().Be(OracleStatus.Unavailable);
        var first = h.DecideAfter(Tick);
        first.Should().Match<OracleDecision>(d => d.Status == OracleStatus.Smoothed && d.Price == 100);
        first.PriceTime.Should().Be(OracleHarness.Start);

        h.QuoteAfter(TimeSpan.FromSeconds(10), 80).Decision.Price.Should().Be(100);
        h.DecideAfter(TimeSpan.FromSeconds(30) - Tick).Price.Should().Be(100);
        h.DecideAfter(Tick).Price.Should().Be(80);
    }

    [Fact]
    public void Latency_is_arrival_minus_timestamp()
    {
        var h = Raw(o => o.SourceCount = 2);
        h.Quote(100, 0, latency: TimeSpan.FromSeconds(2));
        h.Quote(100, 1, latency: TimeSpan.FromMilliseconds(500));
        h.Clock.Advance(Second);
        h.Quote(100, 0, latency: TimeSpan.FromSeconds(-1));
        h.Guard.Statistics.Should().Be(new OracleGuardStatistics(
            AcceptedQuotes: 3,
            HeldQuotes: 0,
            Confirmations: 0,
            LastLatency: TimeSpan.FromSeconds(-1),
            MaxLatency: TimeSpan.FromSeconds(2),
            MeanLatency: TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public void Fast_quotes_are_coalesced_so_the_delay_horizon_stays_covered()
    {
        // Capacity 4, horizon 10 s (delay, no TWAP, no skew): resolution ceil(10 s / 2) = 5 s. Quotes every second
        // for a minute would overflow four entries; coalesced, the price 10 s ago is still known, at most one
        // resolution early: quotes 50..54 s share the entry that starts at 50 s, whose price is the latest, 154.
        DelayedPriceAfterAMinuteOfQuotes(capacity: 4).Should().Be(154);
        DelayedPriceAfterAMinuteOfQuotes(capacity: 64).Should().Be(150, "with room for every quote the delayed price is exact");
    }

    private static double DelayedPriceAfterAMinuteOfQuotes(int capacity)
    {
        var h = Raw(o =>
        {
            o.Capacity = capacity;
            o.Delay = TimeSpan.FromSeconds(10);
            o.MaxFutureSkew = TimeSpan.Zero;
            o.MaxDeviation = double.PositiveInfinity;
        });
        h.Quote(100);
        for (var i = 1; i <= 60; i++)
        {
            h.QuoteAfter(Second, 100 + i);
        }

        return h.Guard.Decide().Price;
    }

    [Fact]
    public void Quotes_from_several_sources_with_interleaved_timestamps_keep_the_series_ordered()
    {
        // Source 1's quote is stamped before source 0's newest: it still updates the median, at the newest time.
        var h = Raw(o => o.SourceCount = 2);
        h.Quote(100, 0);
        h.Quote(102, 1, latency: TimeSpan.FromSeconds(1)).Decision.Price.Should().Be(101);
        h.RoundTrip();
        h.QuoteAfter(Second, 104, 0).Decision.Price.Should().Be(103);
    }
}
