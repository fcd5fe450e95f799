using System.Globalization;
using CascadeGuard.Oracle;
using CascadeGuard.Primitives;

namespace CascadeGuard.Breaker;

/// <summary>
/// A circuit breaker for one market or asset: Normal → Throttled → Halted, driven by the price drop over a window,
/// realized volatility, VPIN, liquidation notional in flight relative to depth, and the oracle status, with
/// hysteresis (separate enter and exit levels) and minimum dwell times so that it does not flap. Escalation is
/// immediate; each step down needs every measure below its exit level and the dwell time of the state being left.
/// See docs/circuit-breaker.md.
/// </summary>
/// <remarks>
/// State changes only through <see cref="Evaluate"/>; invalid inputs throw before anything changes. Not
/// thread-safe: one breaker per market, driven from one thread.
/// </remarks>
public sealed class CircuitBreaker
{
    private const int SnapshotVersion = 1;

    private readonly CircuitBreakerOptions _options;
    private readonly TimeProvider _time;
    private readonly RollingHigh _high;
    private BreakerState _state;
    private long _sinceTicks;

    /// <summary>Creates a breaker in <see cref="BreakerState.Normal"/>.</summary>
    /// <param name="options">The configuration; copied and validated.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public CircuitBreaker(CircuitBreakerOptions options, TimeProvider? timeProvider = null)
    {
        Guard.NotNull(options);
        options.Validate();
        _options = options.Clone();
        _time = timeProvider ?? TimeProvider.System;
        _high = new RollingHigh(_options.PriceDropWindow, _options.PriceCapacity);
        _state = BreakerState.Normal;
        _sinceTicks = _time.GetUtcNow().UtcTicks;
    }

    /// <summary>What the breaker allows now, without a new evaluation.</summary>
    public BreakerDecision Decision => new(_state, new DateTimeOffset(_sinceTicks, TimeSpan.Zero), BudgetFactor(_state));

    /// <summary>Measures <paramref name="inputs"/>, moves the state if the rules say so, and returns the decision.</summary>
    /// <param name="inputs">The current price, volatility, VPIN, in-flight notional, depth and oracle status.</param>
    /// <returns>The decision, the measures, and the transition when there was one.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An input is out of range; nothing changes.</exception>
    public BreakerEvaluation Evaluate(in BreakerInputs inputs)
    {
        inputs.Validate();
        var now = _time.GetUtcNow();
        var nowTicks = now.UtcTicks;
        var drop = inputs.Price > 0 ? 1 - (inputs.Price / _high.Add(nowTicks, inputs.Price)) : 0;
        var measures = new BreakerMeasures(drop, inputs.Volatility, inputs.Vpin, InFlightToDepth(inputs), inputs.Oracle);

        var (next, reason) = NextState(measures, nowTicks);
        if (next == _state)
        {
            return new BreakerEvaluation(Decision, measures, false, default);
        }

        var transition = new BreakerTransition(_state, next, reason, now, measures);
        _state = next;
        _sinceTicks = nowTicks;
        return new BreakerEvaluation(Decision, measures, true, transition);
    }

    private static double InFlightToDepth(in BreakerInputs inputs)
    {
        if (inputs.InFlightNotional == 0)
        {
            return 0;
        }

        return inputs.Depth == 0 ? double.MaxValue : Math.Min(inputs.InFlightNotional / inputs.Depth, double.MaxValue);
    }

    private (BreakerState State, BreakerReason Reason) NextState(in BreakerMeasures m, long nowTicks)
    {
        var oracleAsks = OracleAsks(m.Oracle);
        var halt = EscalationReason(m, oracleAsks, BreakerState.Halted);
        if (halt != BreakerReason.None)
        {
            return (BreakerState.Halted, halt);
        }

        var dwelt = nowTicks - _sinceTicks;
        switch (_state)
        {
            case BreakerState.Normal:
                var throttle = EscalationReason(m, oracleAsks, BreakerState.Throttled);
                return throttle == BreakerReason.None ? (_state, BreakerReason.None) : (BreakerState.Throttled, throttle);
            case BreakerState.Throttled:
                return dwelt >= _options.ThrottledMinDwell.Ticks && oracleAsks == BreakerState.Normal && !HoldsThrottled(m)
                    ? (BreakerState.Normal, BreakerReason.Recovered)
                    : (_state, BreakerReason.None);
            default:
                return dwelt >= _options.HaltedMinDwell.Ticks && oracleAsks != BreakerState.Halted && !HoldsHalted(m)
                    ? (BreakerState.Throttled, BreakerReason.Recovered)
                    : (_state, BreakerReason.None);
        }
    }

    private BreakerState OracleAsks(OracleStatus status) => status switch
    {
        OracleStatus.StalePaused => _options.OracleStaleState,
        OracleStatus.DeviationHeld => _options.OracleHeldState,
        _ => BreakerState.Normal,
    };

    /// <summary>The first measure (oracle, drop, volatility, VPIN, in-flight) that asks for <paramref name="level"/> or more.</summary>
    private BreakerReason EscalationReason(in BreakerMeasures m, BreakerState oracleAsks, BreakerState level)
    {
        if (oracleAsks >= level)
        {
            return BreakerReason.Oracle;
        }

        var halt = level == BreakerState.Halted;
        if (Reaches(m.PriceDrop, _options.PriceDrop, halt))
        {
            return BreakerReason.PriceDrop;
        }

        if (Reaches(m.Volatility, _options.Volatility, halt))
        {
            return BreakerReason.Volatility;
        }

        if (Reaches(m.Vpin, _options.Vpin, halt))
        {
            return BreakerReason.Vpin;
        }

        return Reaches(m.InFlightToDepth, _options.InFlightToDepth, halt) ? BreakerReason.InFlightToDepth : BreakerReason.None;
    }

    private static bool Reaches(double value, BreakerThresholds t, bool halt) => value >= (halt ? t.HaltEnter : t.ThrottleEnter);

    private bool HoldsThrottled(in BreakerMeasures m) =>
        HoldsThrottled(m.PriceDrop, _options.PriceDrop) || HoldsThrottled(m.Volatility, _options.Volatility) ||
        HoldsThrottled(m.Vpin, _options.Vpin) || HoldsThrottled(m.InFlightToDepth, _options.InFlightToDepth);

    private bool HoldsHalted(in BreakerMeasures m) =>
        HoldsHalted(m.PriceDrop, _options.PriceDrop) || HoldsHalted(m.Volatility, _options.Volatility) ||
        HoldsHalted(m.Vpin, _options.Vpin) || HoldsHalted(m.InFlightToDepth, _options.InFlightToDepth);

    private static bool HoldsThrottled(double value, BreakerThresholds t) => t.ThrottleEnabled && value >= t.ThrottleExit;

    private static bool HoldsHalted(double value, BreakerThresholds t) => t.HaltEnabled && value >= t.HaltExit;

    private double BudgetFactor(BreakerState state) => state switch
    {
        BreakerState.Normal => 1,
        BreakerState.Throttled => _options.ThrottledBudgetFactor,
        _ => 0,
    };

    /// <summary>Writes the configuration and state as versioned JSON.</summary>
    /// <returns>A document <see cref="Restore"/> turns back into an equivalent breaker.</returns>
    public string SaveSnapshot()
    {
        var points = _high.ToArray();
        var snapshot = new CircuitBreakerSnapshot
        {
            Version = SnapshotVersion,
            Options = _options.Clone(),
            State = _state,
            SinceTicks = _sinceTicks,
            HighTicks = new long[points.Length],
            HighPrices = new double[points.Length],
        };
        for (var i = 0; i < points.Length; i++)
        {
            snapshot.HighTicks[i] = points[i].Ticks;
            snapshot.HighPrices[i] = points[i].Price;
        }

        return SnapshotJson.Write(snapshot, BreakerJsonContext.Default.CircuitBreakerSnapshot);
    }

    /// <summary>Recreates a breaker from <see cref="SaveSnapshot"/> output; it decides exactly as the saved one would.</summary>
    /// <param name="json">The snapshot.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> when null.</param>
    /// <returns>The restored breaker.</returns>
    /// <exception cref="ArgumentException">The JSON is malformed, of another version, or describes an impossible state; the message names the field.</exception>
    public static CircuitBreaker Restore(string json, TimeProvider? timeProvider = null)
    {
        var s = SnapshotJson.Read(json, BreakerJsonContext.Default.CircuitBreakerSnapshot, SnapshotVersion);
        SnapshotJson.CheckNotNull(s.Options, "options");
        var breaker = new CircuitBreaker(s.Options, timeProvider);
        SnapshotJson.Check(s.State is BreakerState.Normal or BreakerState.Throttled or BreakerState.Halted, "state", s.State, "must be Normal, Throttled or Halted");
        SnapshotJson.CheckUtcTicks(s.SinceTicks, "sinceTicks");
        SnapshotJson.CheckNotNull(s.HighTicks, "highTicks");
        SnapshotJson.CheckNotNull(s.HighPrices, "highPrices");
        SnapshotJson.Check(s.HighTicks.Length <= s.Options.PriceCapacity, "highTicks.length", s.HighTicks.Length, "must be at most options.priceCapacity");
        SnapshotJson.Check(s.HighPrices.Length == s.HighTicks.Length, "highPrices.length", s.HighPrices.Length, "must equal highTicks.length");
        for (var i = 0; i < s.HighTicks.Length; i++)
        {
            var field = string.Create(CultureInfo.InvariantCulture, $"highTicks[{i}]");
            SnapshotJson.CheckUtcTicks(s.HighTicks[i], field);
            SnapshotJson.Check(i == 0 || s.HighTicks[i] > s.HighTicks[i - 1], field, s.HighTicks[i], "must be later than the previous entry");
            var priceField = string.Create(CultureInfo.InvariantCulture, $"highPrices[{i}]");
            SnapshotJson.CheckFinitePositive(s.HighPrices[i], priceField);
            SnapshotJson.Check(i == 0 || s.HighPrices[i] < s.HighPrices[i - 1], priceField, s.HighPrices[i], "must be below the previous entry");
            breaker._high.Load(new PricePoint(s.HighTicks[i], s.HighPrices[i]));
        }

        breaker._state = s.State;
        breaker._sinceTicks = s.SinceTicks;
        return breaker;
    }
}
