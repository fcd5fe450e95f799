using CascadeGuard.Primitives;
using CascadeGuard.Scheduling;
using CascadeGuard.Tests.Support;
using CascadeGuard.Throttling;
using Microsoft.Extensions.Time.Testing;

namespace CascadeGuard.Tests.Scheduling;

[Collection(AllocationMeasurements.Name)]
public class LiquidationSchedulerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly MarketId Eth = new(0);
    private static readonly double[] Prices = [2000.0];

    private readonly FakeTimeProvider _time = new(Start);

    private static LiquidationSchedulerOptions Options(Action<LiquidationSchedulerOptions>? change = null)
    {
        var options = new LiquidationSchedulerOptions { MaxSharePerInterval = 1.0, AccountCooldown = TimeSpan.Zero, StartJitter = TimeSpan.Zero };
        change?.Invoke(options);
        return options;
    }

    private LiquidationScheduler Scheduler(IVolumeThrottle throttle, LiquidationSchedulerOptions? options = null, double minimum = 1.0, double maximumSlice = double.PositiveInfinity) =>
        new([new SchedulerMarket(throttle, minimum, maximumSlice)], options ?? Options(), _time);

    private static SellInstruction[] Tick(LiquidationScheduler scheduler, int capacity = 16)
    {
        var buffer = new SellInstruction[capacity];
        var summary = scheduler.Tick(Prices, buffer);
        return buffer[..summary.Released];
    }

    private static LiquidationRequest Request(int account, double quantity, double health) =>
        new(new AccountId(account), Eth, LiquidationTarget.Quantity, quantity, health);

    [Fact]
    public void Deepest_under_water_goes_first_when_the_budget_is_short()
    {
        var throttle = new BudgetThrottle(Eth, 5.0);
        var scheduler = Scheduler(throttle);
        scheduler.Submit(Request(1, 5.0, 0.95));
        scheduler.Submit(Request(2, 5.0, 0.80));

        var released = Tick(scheduler);

        released.Should().ContainSingle().Which.Account.Should().Be(new AccountId(2));
        released[0].Quantity.Should().Be(5.0);
        released[0].LimitPrice.Should().Be(2000.0 * 0.98);
        released[0].Market.Should().Be(Eth);
    }

    [Fact]
    public void Waiting_ages_a_shallow_job_past_a_fresh_deep_one()
    {
        // Aging 0.01 per minute: a job at 0.99 that waited 10 minutes scores 0.89 and beats a fresh job at 0.90.
        var throttle = new BudgetThrottle(Eth, 0.0);
        var scheduler = Scheduler(throttle);
        scheduler.Submit(Request(1, 5.0, 0.99));
        _time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        scheduler.Submit(Request(2, 5.0, 0.90));
        throttle.Budget = 5.0;

        Tick(scheduler).Should().ContainSingle().Which.Account.Should().Be(new AccountId(1));
    }

    [Fact]
    public void Never_releases_more_than_the_throttle_grants()
    {
        var throttle = new BudgetThrottle(Eth, 7.5);
        var scheduler = Scheduler(throttle);
        scheduler.Submit(Request(1, 5.0, 0.9));
        scheduler.Submit(Request(2, 5.0, 0.8));

        var buffer = new SellInstruction[8];
        var summary = scheduler.Tick(Prices, buffer);
        var released = buffer[..summary.Released];

        // The second job wanted 5 and was granted 2.5: 2.5 × 2,000 refused.
        summary.DeniedNotional.Should().Be(5000.0);
        released.Sum(i => i.Quantity).Should().Be(7.5);
        released.Select(i => (i.Lease, i.Quantity)).Should().Equal(throttle.Grants);
        scheduler.GetStatistics().ReleasedQuantity.Should().Be(7.5);
    }

    [Fact]
    public void Cooldown_spaces_the_slices_of_one_account()
    {
        var throttle = new UnlimitedVolumeThrottle(Eth);
        var scheduler = Scheduler(throttle, Options(o => { o.AccountCooldown = TimeSpan.FromSeconds(5); o.ExecutionTime = TimeSpan.FromSeconds(1); }), maximumSlice: 2.0);
        scheduler.Submit(Request(1, 6.0, 0.9));

        Tick(scheduler).Should().ContainSingle().Which.Quantity.Should().Be(2.0);
        _time.Advance(TimeSpan.FromSeconds(4));
        Tick(scheduler).Should().BeEmpty();
        _time.Advance(TimeSpan.FromSeconds(1));
        Tick(scheduler).Should().ContainSingle();
    }

    [Fact]
    public void Share_cap_limits_what_one_job_releases_per_interval()
    {
        var throttle = new UnlimitedVolumeThrottle(Eth);
        var scheduler = Scheduler(throttle, Options(o => { o.MaxSharePerInterval = 0.25; o.ShareInterval = TimeSpan.FromMinutes(1); }));
        scheduler.Submit(Request(1, 100.0, 0.9));

        var first = Tick(scheduler).Single();
        first.Quantity.Should().Be(25.0);
        scheduler.ApplyFill(new FillReport(1, first.Id, 25.0, 2000.0));
        _time.Advance(TimeSpan.FromSeconds(30));
        Tick(scheduler).Should().BeEmpty("the interval's share is used up");
        _time.Advance(TimeSpan.FromSeconds(30));
        Tick(scheduler).Should().ContainSingle().Which.Quantity.Should().Be(25.0);
    }

    [Fact]
    public void A_slice_grows_to_take_a_dusty_remainder_with_it()
    {
        // 2.5 to sell, slices of at most 2, minimum order 1: a slice of 2 would strand 0.5, so the slice is 2.5.
        var scheduler = Scheduler(new UnlimitedVolumeThrottle(Eth), maximumSlice: 2.0);
        scheduler.Submit(Request(1, 2.5, 0.9));
        Tick(scheduler).Should().ContainSingle().Which.Quantity.Should().Be(2.5);
    }

    [Fact]
    public void A_partial_grant_that_would_strand_dust_is_cut_to_leave_one_minimum_order()
    {
        // 2.5 to sell; the throttle grants at most 1.7, which would leave 0.8 < 1: the scheduler takes 1.5 instead.
        var throttle = new BudgetThrottle(Eth, 100.0) { GrantCap = 1.7 };
        var scheduler = Scheduler(throttle);
        scheduler.Submit(Request(1, 2.5, 0.9));

        Tick(scheduler).Should().ContainSingle().Which.Quantity.Should().Be(1.5);
        throttle.Budget.Should().Be(98.5, "the first lease was released");
    }

    [Fact]
    public void Requests_below_the_minimum_order_are_refused_and_duplicates_reported()
    {
        var scheduler = Scheduler(new UnlimitedVolumeThrottle(Eth));
        scheduler.Submit(Request(1, 0.5, 0.9)).Outcome.Should().Be(SubmitOutcome.BelowMinimumOrder);
        var first = scheduler.Submit(Request(1, 5.0, 0.9));
        first.IsAccepted.Should().BeTrue();
        scheduler.Submit(Request(1, 3.0, 0.5)).Should().Be(new SubmitResult(SubmitOutcome.AlreadyScheduled, first.Job));
        scheduler.GetStatistics().SubmittedJobs.Should().Be(1);
    }

    [Fact]
    public void Slice_starts_are_drawn_inside_the_window_and_depend_only_on_the_seed()
    {
        IReadOnlyList<SellInstruction> Run(ulong seed)
        {
            var time = new FakeTimeProvider(Start);
            var scheduler = new LiquidationScheduler(
                [new SchedulerMarket(new UnlimitedVolumeThrottle(Eth), 1.0)],
                Options(o => { o.Seed = seed; o.StartJitter = TimeSpan.FromSeconds(10); }),
                time);
            for (var a = 0; a < 20; a++)
            {
                scheduler.Submit(Request(a, 3.0, 0.9));
            }

            var buffer = new SellInstruction[32];
            return buffer[..scheduler.Tick(Prices, buffer).Released];
        }

        var a1 = Run(7);
        var a2 = Run(7);
        var b = Run(8);
        a1.Should().Equal(a2);
        a1.Select(i => i.NotBefore).Should().NotEqual(b.Select(i => i.NotBefore));
        a1.Should().OnlyContain(i => i.NotBefore >= Start && i.NotBefore < Start.AddSeconds(10) && i.NotAfter == i.NotBefore.AddSeconds(30));
        a1.Select(i => i.NotBefore).Distinct().Should().HaveCountGreaterThan(15);
    }

    [Fact]
    public void Fills_complete_a_job_and_it_releases_nothing_more()
    {
        var throttle = new BudgetThrottle(Eth, 100.0);
        var scheduler = Scheduler(throttle);
        var job = scheduler.Submit(Request(1, 5.0, 0.9)).Job;
        var slice = Tick(scheduler).Single();

        scheduler.ApplyFill(new FillReport(1, slice.Id, 2.0, 1990.0)).Should().Be(FillOutcome.Applied);
        scheduler.ApplyFill(new FillReport(1, slice.Id, 2.0, 1990.0)).Should().Be(FillOutcome.Duplicate);
        scheduler.ApplyFill(new FillReport(2, slice.Id, 3.0, 1985.0)).Should().Be(FillOutcome.Applied);

        scheduler.TryGetJob(job, out var view).Should().BeTrue();
        view.Status.Should().Be(JobStatus.Completed);
        view.Filled.Should().Be(5.0);
        view.InFlight.Should().Be(0.0);
        throttle.Committed.Should().Be(5.0);
        _time.Advance(TimeSpan.FromMinutes(5));
        Tick(scheduler).Should().BeEmpty();
        scheduler.GetStatistics().Should().Be(new SchedulerStatistics(0, 1, 1, 1, 5.0, 5.0, 0, 0, 1, 0));
    }

    [Fact]
    public void A_fill_that_leaves_a_rounding_residue_closes_the_lease_with_the_instruction()
    {
        // A host that fills on a coarser grid leaves 10⁻¹³ of a 1,000-unit slice open: within the scheduler's residue
        // (10⁻¹² of the slice), so the instruction closes. Its lease must close too — the VolumeThrottle keeps at most
        // MaxOpenLeases (here 2) open, and a leaked lease would hold a slot for ever and refuse every later reservation.
        var throttle = new VolumeThrottle(Eth, new VolumeThrottleOptions { VolumeParticipation = double.PositiveInfinity, MaxOpenLeases = 2 }, _time);
        throttle.UpdateDepth(1e9, 2_000, Start);
        var scheduler = Scheduler(throttle);
        long fills = 0;
        for (var account = 0; account < 5; account++)
        {
            scheduler.Submit(Request(account, 1_000.0, 0.9)).IsAccepted.Should().BeTrue();
            var slice = Tick(scheduler).Should().ContainSingle($"account {account}'s slice is granted").Subject;
            slice.Quantity.Should().Be(1_000.0);
            scheduler.ApplyFill(new FillReport(++fills, slice.Id, 1_000.0 - 1e-13, 1_990.0)).Should().Be(FillOutcome.Applied);
            var statistics = throttle.GetStatistics();
            statistics.OpenLeases.Should().Be(0);
            statistics.InFlight.Should().Be(0);
        }

        throttle.GetStatistics().DeniedCount.Should().Be(0);
    }

    [Fact]
    public void Unfilled_quantity_expires_back_to_the_job_and_is_released_again()
    {
        var throttle = new BudgetThrottle(Eth, 100.0);
        var scheduler = Scheduler(throttle);
        scheduler.Submit(Request(1, 5.0, 0.9));
        var first = Tick(scheduler).Single();
        scheduler.ApplyFill(new FillReport(1, first.Id, 3.0, 2000.0));

        _time.Advance(TimeSpan.FromSeconds(30));
        var buffer = new SellInstruction[4];
        var summary = scheduler.Tick(Prices, buffer);

        summary.Expired.Should().Be(1);
        summary.Released.Should().Be(1);
        buffer[0].Quantity.Should().Be(2.0);
        throttle.Budget.Should().Be(95.0, "3 were committed, 2 released and reserved again");
    }

    [Fact]
    public void Late_fill_after_expiry_is_taken_from_the_job()
    {
        var scheduler = Scheduler(new BudgetThrottle(Eth, 100.0));
        var job = scheduler.Submit(Request(1, 5.0, 0.9)).Job;
        var slice = Tick(scheduler).Single();
        _time.Advance(TimeSpan.FromSeconds(31));
        scheduler.Tick(Prices, Span<SellInstruction>.Empty);

        scheduler.ApplyFill(new FillReport(9, slice.Id, 4.0, 1999.0)).Should().Be(FillOutcome.AppliedLate);
        scheduler.TryGetJob(job, out var view);
        view.Filled.Should().Be(4.0);
        view.Status.Should().Be(JobStatus.Active);
        scheduler.GetStatistics().LateFills.Should().Be(1);
    }

    [Fact]
    public void Partial_fills_that_leave_less_than_a_minimum_order_complete_the_job_with_dust()
    {
        var scheduler = Scheduler(new BudgetThrottle(Eth, 100.0));
        var job = scheduler.Submit(Request(1, 5.0, 0.9)).Job;
        var slice = Tick(scheduler).Single();
        scheduler.ApplyFill(new FillReport(1, slice.Id, 4.5, 2000.0));
        _time.Advance(TimeSpan.FromSeconds(30));
        Tick(scheduler).Should().BeEmpty();

        scheduler.TryGetJob(job, out var view);
        view.Status.Should().Be(JobStatus.CompletedWithDust);
        view.Dust.Should().Be(0.5);
        (view.Filled + view.Dust).Should().Be(view.Requested);
    }

    [Fact]
    public void Unknown_instructions_and_over_fills_are_rejected_and_change_nothing()
    {
        var throttle = new BudgetThrottle(Eth, 100.0);
        var scheduler = Scheduler(throttle);
        var job = scheduler.Submit(Request(1, 5.0, 0.9)).Job;
        var slice = Tick(scheduler).Single();
        var before = scheduler.SaveSnapshot();

        FluentActions.Invoking(() => scheduler.ApplyFill(new FillReport(1, new InstructionId(99), 1.0, 2000.0)))
            .Should().Throw<FillRejectedException>().Which.Reason.Should().Be(FillRejection.UnknownInstruction);
        FluentActions.Invoking(() => scheduler.ApplyFill(new FillReport(2, slice.Id, 5.5, 2000.0)))
            .Should().Throw<FillRejectedException>().Which.Reason.Should().Be(FillRejection.OverFill);
        FluentActions.Invoking(() => scheduler.ApplyFill(new FillReport(3, slice.Id, double.NaN, 2000.0)))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("fill.Quantity");
        FluentActions.Invoking(() => scheduler.ApplyFill(new FillReport(4, slice.Id, 1.0, 0.0)))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("fill.Price");

        scheduler.SaveSnapshot().Should().Be(before);
        throttle.Committed.Should().Be(0);
        scheduler.TryGetJob(job, out var view);
        view.Filled.Should().Be(0);
    }

    [Fact]
    public void Bad_requests_are_rejected_naming_the_field()
    {
        var scheduler = Scheduler(new UnlimitedVolumeThrottle(Eth));
        FluentActions.Invoking(() => scheduler.Submit(new LiquidationRequest(new AccountId(1), new MarketId(5), LiquidationTarget.Quantity, 1, 0.9)))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("request.Market");
        FluentActions.Invoking(() => scheduler.Submit(Request(1, double.NaN, 0.9)))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("request.Amount");
        FluentActions.Invoking(() => scheduler.Submit(Request(1, -1, 0.9)))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("request.Amount");
        FluentActions.Invoking(() => scheduler.Submit(Request(1, 1, double.PositiveInfinity)))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("request.HealthFactor");
        FluentActions.Invoking(() => scheduler.Submit(new LiquidationRequest(new AccountId(1), Eth, (LiquidationTarget)7, 1, 0.9)))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("request.Target");
        scheduler.GetStatistics().SubmittedJobs.Should().Be(0);
    }

    [Fact]
    public void Bad_options_are_rejected_naming_every_field()
    {
        var options = new LiquidationSchedulerOptions
        {
            LimitSlippage = 1.0,
            ExecutionTime = TimeSpan.Zero,
            MaxSharePerInterval = 0,
            AgingPerMinute = double.NaN,
            StartJitter = TimeSpan.FromSeconds(-1),
        };
        options.Validate().Should().HaveCount(5);
        FluentActions.Invoking(() => new LiquidationScheduler([new SchedulerMarket(new UnlimitedVolumeThrottle(Eth), 1)], options, _time))
            .Should().Throw<ArgumentException>()
            .WithMessage("*LimitSlippage*ExecutionTime*MaxSharePerInterval*AgingPerMinute*");
        FluentActions.Invoking(() => new SchedulerMarket(new UnlimitedVolumeThrottle(Eth), 0)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new SchedulerMarket(new UnlimitedVolumeThrottle(Eth), 2, 1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new LiquidationScheduler(
            [new SchedulerMarket(new UnlimitedVolumeThrottle(Eth), 1), new SchedulerMarket(new UnlimitedVolumeThrottle(Eth), 1)], new LiquidationSchedulerOptions(), _time))
            .Should().Throw<ArgumentException>().WithMessage("*listed twice*");
    }

    [Fact]
    public void A_market_without_a_usable_price_is_paused()
    {
        var scheduler = Scheduler(new UnlimitedVolumeThrottle(Eth));
        scheduler.Submit(Request(1, 5.0, 0.9));
        var buffer = new SellInstruction[4];
        scheduler.Tick([double.NaN], buffer).Released.Should().Be(0);
        scheduler.Tick([], buffer).Released.Should().Be(0);
        scheduler.Tick([0.0], buffer).Released.Should().Be(0);
        scheduler.Tick(Prices, buffer).Released.Should().Be(1);
    }

    [Fact]
    public void A_full_buffer_defers_the_rest_to_the_next_tick()
    {
        var scheduler = Scheduler(new UnlimitedVolumeThrottle(Eth));
        for (var a = 0; a < 5; a++)
        {
            scheduler.Submit(Request(a, 5.0, 0.9));
        }

        var buffer = new SellInstruction[3];
        var summary = scheduler.Tick(Prices, buffer);
        summary.Released.Should().Be(3);
        summary.BufferFull.Should().BeTrue();
        scheduler.Tick(Prices, buffer).Released.Should().Be(2);
    }

    [Fact]
    public void Cancelling_a_job_releases_its_open_slices()
    {
        var throttle = new BudgetThrottle(Eth, 10.0);
        var scheduler = Scheduler(throttle);
        var job = scheduler.Submit(Request(1, 5.0, 0.9)).Job;
        var slice = Tick(scheduler).Single();
        throttle.Budget.Should().Be(5.0);

        scheduler.CancelJob(job).Should().Be(CancelOutcome.Cancelled);
        scheduler.CancelJob(job).Should().Be(CancelOutcome.AlreadyClosed);
        scheduler.CancelJob(new JobId(42)).Should().Be(CancelOutcome.Unknown);
        scheduler.Cancel(slice.Id).Should().Be(CancelOutcome.AlreadyClosed);
        throttle.Budget.Should().Be(10.0);
        scheduler.TryGetActiveJob(new AccountId(1), Eth, out _).Should().BeFalse();
        scheduler.Submit(Request(1, 5.0, 0.9)).IsAccepted.Should().BeTrue("a cancelled job no longer blocks the account");
    }

    [Fact]
    public void Proceeds_target_sells_until_the_debt_is_raised()
    {
        var scheduler = Scheduler(new BudgetThrottle(Eth, 100.0));
        var job = scheduler.Submit(new LiquidationRequest(new AccountId(1), Eth, LiquidationTarget.Proceeds, 10_000.0, 0.9)).Job;
        var slice = Tick(scheduler).Single();
        slice.Quantity.Should().Be(5.0, "10,000 at the reference price of 2,000");

        scheduler.ApplyFill(new FillReport(1, slice.Id, 5.0, 1990.0));
        scheduler.TryGetJob(job, out var view);
        view.Filled.Should().Be(9_950.0);
        view.Status.Should().Be(JobStatus.Active);

        _time.Advance(TimeSpan.FromSeconds(1));
        var next = Tick(scheduler).Single();
        next.Quantity.Should().Be(1.0, "50 of proceeds still wanted, but no slice is below one minimum order");
        scheduler.ApplyFill(new FillReport(2, next.Id, 1.0, 1990.0));
        scheduler.TryGetJob(job, out view);
        view.Status.Should().Be(JobStatus.Completed);
    }

    [Fact]
    public void Steady_state_ticks_and_fills_allocate_nothing()
    {
        var markets = new SchedulerMarket[20];
        var prices = new double[20];
        for (var m = 0; m < 20; m++)
        {
            markets[m] = new SchedulerMarket(new UnlimitedVolumeThrottle(new MarketId(m)), 0.001, 1.0);
            prices[m] = 100 + m;
        }

        var scheduler = new LiquidationScheduler(markets, Options(o => o.Retention = TimeSpan.FromSeconds(30)), _time);
        for (var j = 0; j < 1000; j++)
        {
            scheduler.Submit(new LiquidationRequest(new AccountId(j), new MarketId(j % 20), LiquidationTarget.Quantity, 1e9, 0.5));
        }

        var buffer = new SellInstruction[1000];
        long fill = 0;
        long allocated = 0;
        for (var t = 0; t < 120; t++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            _time.Advance(TimeSpan.FromSeconds(1));
            var summary = scheduler.Tick(prices, buffer);
            for (var i = 0; i < summary.Released; i++)
            {
                scheduler.ApplyFill(new FillReport(++fill, buffer[i].Id, buffer[i].Quantity, 100));
            }

            // Past the retention the tables stop growing: from then on nothing is allocated.
            if (t >= 60)
            {
                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            }

            summary.Released.Should().Be(1000);
        }

        allocated.Should().Be(0);
    }
}
