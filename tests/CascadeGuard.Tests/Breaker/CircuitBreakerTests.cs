using CascadeGuard.Breaker;
using CascadeGuard.Oracle;
using Microsoft.Extensions.Time.Testing;

namespace CascadeGuard.Tests.Breaker;

public class CircuitBreakerTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    /// <summary>
    /// Binary-exact drop levels so that boundaries are exact: throttle 1/16 (exit 1/32), halt 1/4 (exit 1/8); volatility
    /// halting at 3.0 (exit 2.0), a level a host may opt into (the default does not halt).
    /// </summary>
    private static (CircuitBreaker Breaker, FakeTimeProvider Clock) Create(Action<CircuitBreakerOptions>? configure = null)
    {
        var o = new CircuitBreakerOptions
        {
            PriceDrop = new BreakerThresholds(0.0625, 0.03125, 0.25, 0.125),
            Volatility = new BreakerThresholds(1.5, 1.0, 3.0, 2.0),
        };
        configure?.Invoke(o);
        var clock = new FakeTimeProvider(Start);
        return (new CircuitBreaker(o, clock), clock);
    }

    private static BreakerInputs Calm(double price = 128) => new(price, 0.5, 0.2, 0, 1000, OracleStatus.Smoothed);

    [Fact]
    public void Starts_normal_with_full_budget()
    {
        var (b, _) = Create();
        b.Decision.Should().Be(new BreakerDecision(BreakerState.Normal, Start, 1));
        b.Decision.AllowsMarketSales.Should().BeTrue();
        var e = b.Evaluate(Calm());
        e.Transitioned.Should().BeFalse();
        e.Measures.Should().Be(new BreakerMeasures(0, 0.5, 0.2, 0, OracleStatus.Smoothed));
    }

    [Fact]
    public void Price_drop_enter_level_is_exact()
    {
        // High 128: 120 is exactly a 1/16 drop and throttles; the next double above 120 does not.
        var (b, clock) = Create();
        b.Evaluate(Calm(128));
        clock.Advance(TimeSpan.FromSeconds(1));
        b.Evaluate(Calm(Math.BitIncrement(120.0))).Transitioned.Should().BeFalse();
        clock.Advance(TimeSpan.FromSeconds(1));
        var e = b.Evaluate(Calm(120));
        e.Measures.PriceDrop.Should().Be(0.0625);
        e.Transitioned.Should().BeTrue();
        e.Transition.Should().Be(new BreakerTransition(BreakerState.Normal, BreakerState.Throttled, BreakerReason.PriceDrop, clock.GetUtcNow(), e.Measures));
        e.Decision.Should().Be(new BreakerDecision(BreakerState.Throttled, clock.GetUtcNow(), 0.5));
    }

    [Fact]
    public void Hysteresis_and_dwell_hold_the_throttle_until_both_allow_the_step_down()
    {
        var (b, clock) = Create();
        b.Evaluate(Calm(128));
        b.Evaluate(Calm(120)).Decision.State.Should().Be(BreakerState.Throttled);
        var entered = clock.GetUtcNow();

        // Between exit (1/32 → 124) and enter: stays throttled however long.
        clock.Advance(TimeSpan.FromMinutes(6) - TimeSpan.FromMinutes(5));
        b.Evaluate(Calm(124)).Decision.State.Should().Be(BreakerState.Throttled);

        // Below the exit level but one tick short of the 5-minute dwell: stays.
        clock.Advance(entered + TimeSpan.FromMinutes(5) - Tick - clock.GetUtcNow());
        b.Evaluate(Calm(Math.BitIncrement(124.0))).Decision.State.Should().Be(BreakerState.Throttled);

        // Exactly at the dwell: steps down.
        clock.Advance(Tick);
        var e = b.Evaluate(Calm(Math.BitIncrement(124.0)));
        e.Transition.Should().Match<BreakerTransition>(t => t.From == BreakerState.Throttled && t.To == BreakerState.Normal && t.Reason == BreakerReason.Recovered);
        e.Decision.BudgetFactor.Should().Be(1);
    }

    [Fact]
    public void Halt_stops_market_sales_only_and_steps_down_one_level_at_a_time()
    {
        var (b, clock) = Create();
        b.Evaluate(Calm(128));
        var halt = b.Evaluate(Calm(96));
        halt.Transition.Should().Match<BreakerTransition>(t => t.From == BreakerState.Normal && t.To == BreakerState.Halted && t.Reason == BreakerReason.PriceDrop);
        halt.Decision.BudgetFactor.Should().Be(0);
        halt.Decision.AllowsMarketSales.Should().BeFalse();
        halt.Decision.AllowsAuctions.Should().BeTrue();
        halt.Decision.AllowsPoolAbsorption.Should().BeTrue();

        // Recovery to 115 (drop 0.1016 < halt exit 1/8) before the 15-minute dwell: stays halted.
        clock.Advance(TimeSpan.FromMinutes(15) - Tick);
        b.Evaluate(Calm(115)).Decision.State.Should().Be(BreakerState.Halted);
        clock.Advance(Tick);
        b.Evaluate(Calm(115)).Transition.Should().Match<BreakerTransition>(t => t.From == BreakerState.Halted && t.To == BreakerState.Throttled && t.Reason == BreakerReason.Recovered);

        // The 128 high has left the 5-minute window by now: the drop is measured from 115.
        clock.Advance(TimeSpan.FromMinutes(5));
        b.Evaluate(Calm(115)).Transition.To.Should().Be(BreakerState.Normal);
    }

    [Fact]
    public void Drop_window_edge_is_inclusive()
    {
        var (b, clock) = Create();
        b.Evaluate(Calm(128));
        clock.Advance(TimeSpan.FromMinutes(5));
        b.Evaluate(Calm(120)).Measures.PriceDrop.Should().Be(0.0625, "a price exactly one window old still counts");

        var (c, clock2) = Create();
        c.Evaluate(Calm(128));
        clock2.Advance(TimeSpan.FromMinutes(5) + Tick);
        c.Evaluate(Calm(120)).Measures.PriceDrop.Should().Be(0);
    }

    public static TheoryData<string, BreakerInputs, BreakerState, BreakerReason> Triggers => new()
    {
        { "volatility throttles", new BreakerInputs(128, 1.5, 0.2, 0, 1000, OracleStatus.Fresh), BreakerState.Throttled, BreakerReason.Volatility },
        { "volatility halts", new BreakerInputs(128, 3.0, 0.2, 0, 1000, OracleStatus.Fresh), BreakerState.Halted, BreakerReason.Volatility },
        { "vpin throttles", new BreakerInputs(128, 0.5, 0.6, 0, 1000, OracleStatus.Fresh), BreakerState.Throttled, BreakerReason.Vpin },
        { "vpin halts", new BreakerInputs(128, 0.5, 0.85, 0, 1000, OracleStatus.Fresh), BreakerState.Halted, BreakerReason.Vpin },
        { "in flight throttles", new BreakerInputs(128, 0.5, 0.2, 500, 1000, OracleStatus.Fresh), BreakerState.Throttled, BreakerReason.InFlightToDepth },
        { "in flight halts", new BreakerInputs(128, 0.5, 0.2, 1000, 1000, OracleStatus.Fresh), BreakerState.Halted, BreakerReason.InFlightToDepth },
        { "no depth halts", new BreakerInputs(128, 0.5, 0.2, 1, 0, OracleStatus.Fresh), BreakerState.Halted, BreakerReason.InFlightToDepth },
        { "held oracle throttles", new BreakerInputs(128, 0.5, 0.2, 0, 1000, OracleStatus.DeviationHeld), BreakerState.Throttled, BreakerReason.Oracle },
        { "stale oracle halts", new BreakerInputs(128, 0.5, 0.2, 0, 1000, OracleStatus.StalePaused), BreakerState.Halted, BreakerReason.Oracle },
        { "unavailable oracle asks nothing", new BreakerInputs(0, 0.5, 0.2, 0, 0, OracleStatus.Unavailable), BreakerState.Normal, BreakerReason.None },
        { "just below every enter level", new BreakerInputs(128, 1.4999, 0.5999, 499.9, 1000, OracleStatus.Confirmed), BreakerState.Normal, BreakerReason.None },
    };

    [Theory]
    [MemberData(nameof(Triggers))]
    public void Each_measure_escalates_with_its_reason(string name, BreakerInputs inputs, BreakerState state, BreakerReason reason)
    {
        var (b, _) = Create();
        var e = b.Evaluate(inputs);
        e.Decision.State.Should().Be(state, name);
        e.Transition.Reason.Should().Be(reason);
    }

    [Fact]
    public void By_default_market_stress_throttles_but_never_halts()
    {
        // A 60 % drop within the window and a volatility of 25 (Black Thursday's afternoon): throttled, not halted — a halt
        // stops liquidation sales while the market keeps moving and every queued account's exposure grows. The engine's own
        // footprint and a silent oracle still halt.
        var clock = new FakeTimeProvider(Start);
        var b = new CircuitBreaker(new CircuitBreakerOptions(), clock);
        b.Evaluate(new BreakerInputs(200, 0.5, 0.2, 0, 1000, OracleStatus.Fresh));
        clock.Advance(TimeSpan.FromMinutes(1));
        var stressed = b.Evaluate(new BreakerInputs(80, 25, 0.2, 0, 1000, OracleStatus.Fresh));
        stressed.Decision.State.Should().Be(BreakerState.Throttled);
        stressed.Measures.PriceDrop.Should().Be(0.6);
        clock.Advance(TimeSpan.FromMinutes(1));
        b.Evaluate(new BreakerInputs(80, 25, 0.2, 1000, 1000, OracleStatus.Fresh)).Decision.State.Should().Be(BreakerState.Halted, "in-flight notional reached the depth");

        var options = new CircuitBreakerOptions();
        options.PriceDrop.HaltEnter.Should().Be(double.PositiveInfinity);
        options.Volatility.HaltEnter.Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Disabled_measure_never_triggers_or_holds()
    {
        var (b, clock) = Create(o =>
        {
            o.Vpin = BreakerThresholds.Disabled();
            o.ThrottledMinDwell = TimeSpan.Zero;
        });
        b.Evaluate(new BreakerInputs(128, 0.5, 1, 0, 1000, OracleStatus.Fresh)).Decision.State.Should().Be(BreakerState.Normal);
        b.Evaluate(new BreakerInputs(128, 2, 1, 0, 1000, OracleStatus.Fresh)).Decision.State.Should().Be(BreakerState.Throttled);
        clock.Advance(Tick);
        b.Evaluate(new BreakerInputs(128, 0.5, 1, 0, 1000, OracleStatus.Fresh)).Decision.State.Should().Be(BreakerState.Normal, "VPIN 1 does not hold a disabled measure");
    }

    [Fact]
    public void Oracle_must_recover_before_stepping_down()
    {
        var (b, clock) = Create(o => o.ThrottledMinDwell = TimeSpan.Zero);
        b.Evaluate(Calm() with { Oracle = OracleStatus.DeviationHeld }).Decision.State.Should().Be(BreakerState.Throttled);
        clock.Advance(TimeSpan.FromMinutes(1));
        b.Evaluate(Calm() with { Oracle = OracleStatus.DeviationHeld }).Decision.State.Should().Be(BreakerState.Throttled);
        b.Evaluate(Calm() with { Oracle = OracleStatus.Confirmed }).Decision.State.Should().Be(BreakerState.Normal);
    }

    public static TheoryData<string, BreakerInputs> BadInputs => new()
    {
        { "inputs.Price", new BreakerInputs(double.NaN, 0.5, 0.2, 0, 1, OracleStatus.Fresh) },
        { "inputs.Price", new BreakerInputs(-1, 0.5, 0.2, 0, 1, OracleStatus.Fresh) },
        { "inputs.Volatility", new BreakerInputs(100, double.PositiveInfinity, 0.2, 0, 1, OracleStatus.Fresh) },
        { "inputs.Vpin", new BreakerInputs(100, 0.5, 1.2, 0, 1, OracleStatus.Fresh) },
        { "inputs.InFlightNotional", new BreakerInputs(100, 0.5, 0.2, -5, 1, OracleStatus.Fresh) },
        { "inputs.Depth", new BreakerInputs(100, 0.5, 0.2, 0, double.NaN, OracleStatus.Fresh) },
        { "inputs.Oracle", new BreakerInputs(100, 0.5, 0.2, 0, 1, (OracleStatus)42) },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_inputs_throw_and_change_nothing(string parameter, BreakerInputs inputs)
    {
        var (b, clock) = Create();
        b.Evaluate(Calm(128));
        clock.Advance(TimeSpan.FromSeconds(1));
        b.Evaluate(Calm(120));
        var before = b.SaveSnapshot();
        var act = () => b.Evaluate(inputs);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);
        b.SaveSnapshot().Should().Be(before);
    }

    public static TheoryData<string, Action<CircuitBreakerOptions>> InvalidOptions => new()
    {
        { "PriceDropWindow", o => o.PriceDropWindow = TimeSpan.Zero },
        { "PriceCapacity", o => o.PriceCapacity = 3 },
        { "PriceDrop", o => o.PriceDrop = null! },
        { "PriceDrop.ThrottleEnter", o => o.PriceDrop.ThrottleEnter = 0 },
        { "PriceDrop.ThrottleExit", o => o.PriceDrop.ThrottleExit = 0.05 },
        { "Volatility.HaltEnter", o => o.Volatility.HaltEnter = 1 },
        { "Vpin.HaltExit", o => o.Vpin.HaltExit = 0.9 },
        { "InFlightToDepth.HaltExit", o => o.InFlightToDepth.HaltExit = double.NaN },
        { "OracleHeldState", o => o.OracleHeldState = (BreakerState)3 },
        { "ThrottledMinDwell", o => o.ThrottledMinDwell = TimeSpan.FromTicks(-1) },
        { "HaltedMinDwell", o => o.HaltedMinDwell = TimeSpan.FromDays(400) },
        { "ThrottledBudgetFactor", o => o.ThrottledBudgetFactor = 0 },
        { "ThrottledBudgetFactor", o => o.ThrottledBudgetFactor = 1.5 },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Options_validation_names_the_property(string property, Action<CircuitBreakerOptions> breakIt)
    {
        var o = new CircuitBreakerOptions();
        breakIt(o);
        var act = () => new CircuitBreaker(o);
        act.Should().Throw<ArgumentException>().WithParameterName(property);
    }

    [Theory]
    [InlineData("\"state\":\"Throttled\"", "\"state\":\"Sideways\"", "*not valid*")]
    [InlineData("\"highPrices\":[128,120]", "\"highPrices\":[128,130]", "*'highPrices[1]'*below*")]
    [InlineData("\"highTicks\":[", "\"highTicks\":[1,", "*'highPrices.length'*")]
    public void Restore_rejects_impossible_states(string find, string replace, string message)
    {
        var (b, clock) = Create();
        b.Evaluate(Calm(128));
        clock.Advance(TimeSpan.FromSeconds(1));
        b.Evaluate(Calm(120));
        var json = b.SaveSnapshot();
        json.Should().Contain(find);
        var act = () => CircuitBreaker.Restore(json.Replace(find, replace, StringComparison.Ordinal));
        act.Should().Throw<ArgumentException>().WithParameterName(nameof(json)).WithMessage(message);
    }
}
