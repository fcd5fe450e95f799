using CascadeGuard.Engine;
using CascadeGuard.Primitives;
using CascadeGuard.Scheduling;
using CascadeGuard.Throttling;
using CascadeGuard.Venues;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace CascadeGuard.Tests.Scheduling;

/// <summary>
/// The scheduler pops candidates from a heap and, over the library's own throttles, stops asking a market's throttle once it
/// has refused one minimum order in a tick (counting the refusals it did not ask for). Over any other throttle it asks for
/// every job, as before. These tests run the same random sessions both ways and require identical outputs and state.
/// </summary>
public class SchedulerShortcutTests
{
    private const double MinimumOrder = 0.5;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly double[] Prices = [2000.0, 30.0];

    // 0 submit, 1 tick (new depth, breaker factor), 2 fill, 3 cancel an instruction, 4 cancel a job.
    private static readonly Gen<(int Kind, int A, double B, double C)[]> Session =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 1000], Gen.Double[0, 1], Gen.Double[0, 1]).Array[1, 120];

    [Fact]
    public void Stopping_at_a_spent_budget_changes_nothing_the_scheduler_or_throttles_report()
    {
        Gen.Select(Session, Gen.ULong, Gen.Int[1, 6]).Sample(
            (steps, seed, bufferSize) =>
            {
                var fast = new Side(seed, opaque: false);
                var slow = new Side(seed, opaque: true);
                var fastBuffer = new SellInstruction[bufferSize];
                var slowBuffer = new SellInstruction[bufferSize];
                long fills = 0;
                var open = new List<SellInstruction>();
                foreach (var (kind, a, b, c) in steps)
                {
                    switch (kind)
                    {
                        case 0:
                            var request = new LiquidationRequest(new AccountId(a % 40), new MarketId(a % 2), a % 5 == 0 ? LiquidationTarget.Proceeds : LiquidationTarget.Quantity, a % 5 == 0 ? 100 + (b * 4_000) : 0.5 + (b * 20), c);
                            fast.Scheduler.Submit(request).Should().Be(slow.Scheduler.Submit(request));
                            break;
                        case 1:
                            var advance = TimeSpan.FromSeconds(Math.Round(b * 40));
                            fast.Time.Advance(advance);
                            slow.Time.Advance(advance);
                            fast.Feed(a, c);
                            slow.Feed(a, c);
                            var f = fast.Scheduler.Tick(Prices, fastBuffer);
                            var s = slow.Scheduler.Tick(Prices, slowBuffer);
                            // Denied notional is summed in another order when the refusals are counted, not asked.
                            f.Should().Be(s with { DeniedNotional = f.DeniedNotional });
                            f.DeniedNotional.Should().BeApproximately(s.DeniedNotional, 1e-9 * Math.Max(1, s.DeniedNotional));
                            fastBuffer.AsSpan(0, f.Released).ToArray().Should().Equal(slowBuffer.AsSpan(0, s.Released).ToArray());
                            open.AddRange(fastBuffer.AsSpan(0, f.Released).ToArray());
                            break;
                        case 2 when open.Count > 0:
                            var instruction = open[a % open.Count];
                            var fill = new FillReport(++fills, instruction.Id, instruction.Quantity * Math.Max(b, 0.01), 1_990);
                            Try(() => fast.Scheduler.ApplyFill(fill)).Should().Be(Try(() => slow.Scheduler.ApplyFill(fill)));
                            open.RemoveAt(a % open.Count);
                            break;
                        case 3 when open.Count > 0:
                            var cancelled = open[a % open.Count].Id;
                            fast.Scheduler.Cancel(cancelled).Should().Be(slow.Scheduler.Cancel(cancelled));
                            break;
                        case 4:
                            fast.Scheduler.CancelJob(new JobId(1 + (a % 30))).Should().Be(slow.Scheduler.CancelJob(new JobId(1 + (a % 30))));
                            break;
                    }
                }

                // Same jobs (share intervals included), cooldowns, counters and generator; same throttle counters.
                fast.Scheduler.SaveSnapshot().Should().Be(slow.Scheduler.SaveSnapshot());
                fast.Scheduler.GetStatistics().Should().Be(slow.Scheduler.GetStatistics());
                for (var m = 0; m < 2; m++)
                {
                    fast.Throttles[m].GetStatistics().Should().Be(slow.Throttles[m].GetStatistics());
                }
            },
            iter: 1_500);
    }

    [Fact]
    public void A_spent_budget_counts_every_job_that_wanted_a_slice_as_refused()
    {
        // Ten jobs of 4 units, a budget of 2.5 units (depth 10 × participation 0.25): the most urgent job gets 2.5, the other
        // nine are refused without being asked, and the throttle counts nine denials as if each had been asked.
        var time = new FakeTimeProvider(Start);
        var throttle = new VolumeThrottle(new MarketId(0), new VolumeThrottleOptions { VolumeParticipation = double.PositiveInfinity }, time);
        throttle.UpdateDepth(10, 2_000, Start);
        var scheduler = new LiquidationScheduler([new SchedulerMarket(throttle, MinimumOrder)], new LiquidationSchedulerOptions { MaxSharePerInterval = 1 }, time);
        for (var i = 0; i < 10; i++)
        {
            scheduler.Submit(new LiquidationRequest(new AccountId(i), new MarketId(0), LiquidationTarget.Quantity, 4, 0.9 + (i * 0.001))).IsAccepted.Should().BeTrue();
        }

        var buffer = new SellInstruction[16];
        var summary = scheduler.Tick([2_000.0], buffer);
        // Denied: 1.5 units of the first job's 4 and the nine others' 4 each, at 2,000.
        summary.Should().Be(new TickSummary(1, 0, 9, false, (1.5 + (9 * 4)) * 2_000));
        buffer[0].Account.Should().Be(new AccountId(0), "the lowest health factor goes first");
        buffer[0].Quantity.Should().Be(2.5);
        throttle.GetStatistics().DeniedCount.Should().Be(9);
    }

    [Fact]
    public void Jobs_left_unprocessed_by_a_full_buffer_keep_their_share_interval()
    {
        // Two jobs release at 0. At 40 s (past the 30 s share interval) a one-slot buffer takes the more urgent job, whose
        // interval restarts at 40 s; the other was ranked but never processed, so its interval still starts at 0.
        var time = new FakeTimeProvider(Start);
        var throttle = new VolumeThrottle(new MarketId(0), new VolumeThrottleOptions { VolumeParticipation = double.PositiveInfinity }, time);
        var scheduler = new LiquidationScheduler(
            [new SchedulerMarket(throttle, MinimumOrder)],
            new LiquidationSchedulerOptions { MaxSharePerInterval = 0.25, ShareInterval = TimeSpan.FromSeconds(30), ExecutionTime = TimeSpan.FromSeconds(20), StartJitter = TimeSpan.Zero },
            time);
        scheduler.Submit(new LiquidationRequest(new AccountId(0), new MarketId(0), LiquidationTarget.Quantity, 8, 0.90));
        scheduler.Submit(new LiquidationRequest(new AccountId(1), new MarketId(0), LiquidationTarget.Quantity, 8, 0.95));
        throttle.UpdateDepth(1_000, 2_000, Start);
        scheduler.Tick([2_000.0], new SellInstruction[2]).Released.Should().Be(2);

        time.Advance(TimeSpan.FromSeconds(40));
        throttle.UpdateDepth(1_000, 2_000, time.GetUtcNow());
        var one = new SellInstruction[1];
        scheduler.Tick([2_000.0], one).Should().Be(new TickSummary(1, 2, 0, true));
        one[0].Account.Should().Be(new AccountId(0));

        using var snapshot = System.Text.Json.JsonDocument.Parse(scheduler.SaveSnapshot());
        var starts = snapshot.RootElement.GetProperty("jobs").EnumerateArray().Select(j => j.GetProperty("intervalStart").GetInt64()).ToArray();
        starts.Should().Equal(Start.AddSeconds(40).UtcTicks, Start.UtcTicks);
    }

    [Fact]
    public void A_tick_that_takes_more_jobs_than_the_last_one_releases_them_all_in_order()
    {
        // The tick heaps only about twice as many candidates as the market took last tick (plus 16) and heaps the rest
        // once those run out. Tick 1: a budget of 2.5 units serves one job and refuses the next (two taken). Tick 2: an
        // ample budget takes all 60 jobs, well past the 20 heaped first. Every job waits since the start (the first one
        // released at the start), so each scores its health factor less the same aging, and the order is by health factor,
        // ties (each value is shared by three jobs) by job id.
        var time = new FakeTimeProvider(Start);
        var throttle = new VolumeThrottle(new MarketId(0), new VolumeThrottleOptions { VolumeParticipation = double.PositiveInfinity }, time);
        var scheduler = new LiquidationScheduler(
            [new SchedulerMarket(throttle, MinimumOrder)],
            new LiquidationSchedulerOptions { MaxSharePerInterval = 1, AccountCooldown = TimeSpan.Zero, StartJitter = TimeSpan.Zero },
            time);
        var health = new double[60];
        for (var i = 0; i < health.Length; i++)
        {
            health[i] = ((i * 7) % 20) / 100.0;
            scheduler.Submit(new LiquidationRequest(new AccountId(i), new MarketId(0), LiquidationTarget.Quantity, 4, health[i])).IsAccepted.Should().BeTrue();
        }

        throttle.UpdateDepth(10, 2_000, Start);
        var buffer = new SellInstruction[64];
        scheduler.Tick([2_000.0], buffer).Should().Be(new TickSummary(1, 0, 59, false, (1.5 + (59 * 4)) * 2_000));
        var first = buffer[0].Account;
        first.Should().Be(new AccountId(0), "health factor 0 is shared by accounts 0, 20 and 40, and job 1 is account 0's");

        time.Advance(TimeSpan.FromSeconds(1));
        throttle.UpdateDepth(1_000_000, 2_000, time.GetUtcNow());
        var summary = scheduler.Tick([2_000.0], buffer);
        summary.Released.Should().Be(60);
        var expected = Enumerable.Range(0, 60).OrderBy(i => health[i]).ThenBy(i => i).Select(i => new AccountId(i)).ToArray();
        buffer.Take(60).Select(b => b.Account).Should().Equal(expected);
        buffer[0].Quantity.Should().Be(1.5, "account 0 sold 2.5 of its 4 units at the first tick");
    }

    private static FillOutcome? Try(Func<FillOutcome> apply)
    {
        try
        {
            return apply();
        }
        catch (FillRejectedException)
        {
            return null;
        }
    }

    /// <summary>A scheduler over two markets, each a real throttle scaled by a factor (as the engine scales them).</summary>
    private sealed class Side
    {
        private readonly ScaledThrottle[] _scaled;

        public Side(ulong seed, bool opaque)
        {
            Time = new FakeTimeProvider(Start);
            var options = new VolumeThrottleOptions { VolumeParticipation = double.PositiveInfinity, MaxOpenLeases = 6 };
            Throttles = [new VolumeThrottle(new MarketId(0), options, Time), new VolumeThrottle(new MarketId(1), options, Time)];
            _scaled = [new ScaledThrottle(Throttles[0]), new ScaledThrottle(Throttles[1])];
            IVolumeThrottle Wrap(IVolumeThrottle t) => opaque ? new Opaque(t) : t;
            Scheduler = new LiquidationScheduler(
                [new SchedulerMarket(Wrap(_scaled[0]), MinimumOrder, 6), new SchedulerMarket(Wrap(_scaled[1]), MinimumOrder)],
                new LiquidationSchedulerOptions
                {
                    Seed = seed,
                    AccountCooldown = TimeSpan.FromSeconds(3),
                    MaxSharePerInterval = 0.5,
                    ShareInterval = TimeSpan.FromSeconds(30),
                    ExecutionTime = TimeSpan.FromSeconds(20),
                    StartJitter = TimeSpan.FromSeconds(5),
                    Retention = TimeSpan.FromMinutes(10),
                },
                Time);
        }

        public FakeTimeProvider Time { get; }

        public VolumeThrottle[] Throttles { get; }

        public LiquidationScheduler Scheduler { get; }

        public void Feed(int a, double c)
        {
            var m = a % 2;
            Throttles[m].UpdateDepth(c * 60, Prices[m], Time.GetUtcNow());
            Throttles[1 - m].UpdateDepth(c * 20, Prices[1 - m], Time.GetUtcNow());
            _scaled[m].Factor = (a % 3) switch { 0 => 1.0, 1 => 0.5, _ => 0.1 };
        }
    }

    /// <summary>Forwards to a throttle without telling the scheduler what kind it is: the scheduler asks it for every job.</summary>
    private sealed class Opaque(IVolumeThrottle inner) : IVolumeThrottle
    {
        public MarketId Market => inner.Market;

        public double Available => inner.Available;

        public ThrottleLease TryReserve(double quantity, double minimumQuantity) => inner.TryReserve(quantity, minimumQuantity);

        public LeaseUpdate Commit(LeaseId lease, double quantity, double price) => inner.Commit(lease, quantity, price);

        public LeaseUpdate Release(LeaseId lease) => inner.Release(lease);

        public bool UpdateDepth(double depthQuantity, double referencePrice, DateTimeOffset observedAt) => inner.UpdateDepth(depthQuantity, referencePrice, observedAt);

        public bool UpdateDepth(IVenue venue, DateTimeOffset observedAt) => inner.UpdateDepth(venue, observedAt);

        public void RecordMarketVolume(double quantity) => inner.RecordMarketVolume(quantity);

        public void UpdateConditions(ThrottleConditions conditions) => inner.UpdateConditions(conditions);

        public ThrottleStatistics GetStatistics() => inner.GetStatistics();

        public string SaveSnapshot() => inner.SaveSnapshot();
    }
}
