using CascadeGuard.Oracle;
using CascadeGuard.Primitives;

namespace CascadeGuard.Breaker;

/// <summary>
/// Configuration of a <see cref="CircuitBreaker"/>. The breaker copies everything at construction. Volatility levels
/// are in the unit the host feeds (the defaults assume annualised σ).
/// </summary>
public sealed class CircuitBreakerOptions
{
    /// <summary>The window over which the price drop is measured, from the window's high. Default 5 minutes; positive, at most 366 days.</summary>
    public TimeSpan PriceDropWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Fixed size of the price history behind the drop measure. Prices closer together than
    /// <c>PriceDropWindow / (PriceCapacity − 2)</c> share an entry. Default 512; in [4, 65 536].
    /// </summary>
    public int PriceCapacity { get; set; } = 512;

    /// <summary>
    /// Price drop (fraction from the window high). Default throttle at 5 % (exit below 3 %), no halt (halt enter +∞, exit
    /// 10 %): a market that keeps falling is a reason to sell with care, not to stop selling while every queued account's
    /// exposure grows (docs/circuit-breaker.md, "Why the defaults do not halt on market stress"). A host that expects
    /// falls to bounce may set a finite halt level, such as 15 %.
    /// </summary>
    public BreakerThresholds PriceDrop { get; set; } = new(0.05, 0.03, double.PositiveInfinity, 0.10);

    /// <summary>
    /// Realized volatility. Default throttle at 1.5 (exit below 1.0), no halt (halt enter +∞, exit 2.0), for the same
    /// reason as <see cref="PriceDrop"/>; a host may set a finite halt level, such as 3.0.
    /// </summary>
    public BreakerThresholds Volatility { get; set; } = new(1.5, 1.0, double.PositiveInfinity, 2.0);

    /// <summary>VPIN. Default throttle at 0.6 (exit below 0.5), halt at 0.85 (exit below 0.7).</summary>
    public BreakerThresholds Vpin { get; set; } = new(0.6, 0.5, 0.85, 0.7);

    /// <summary>Liquidation notional in flight divided by depth. Default throttle at 0.5 (exit below 0.3), halt at 1.0 (exit below 0.7).</summary>
    public BreakerThresholds InFlightToDepth { get; set; } = new(0.5, 0.3, 1.0, 0.7);

    /// <summary>The state an oracle holding a deviating price asks for. Default <see cref="BreakerState.Throttled"/>.</summary>
    public BreakerState OracleHeldState { get; set; } = BreakerState.Throttled;

    /// <summary>
    /// The state a stale-paused oracle asks for. Default <see cref="BreakerState.Halted"/>: a silent oracle is itself
    /// a sign of congestion. (An oracle that never had a price, <see cref="OracleStatus.Unavailable"/>, asks for nothing.)
    /// </summary>
    public BreakerState OracleStaleState { get; set; } = BreakerState.Halted;

    /// <summary>The least time in Throttled before stepping down to Normal. Default 5 minutes; zero or positive, at most 366 days.</summary>
    public TimeSpan ThrottledMinDwell { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The least time in Halted before stepping down to Throttled. Default 15 minutes; zero or positive, at most 366 days.</summary>
    public TimeSpan HaltedMinDwell { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The factor applied to market-sale budgets in Throttled. Default 0.5; in (0, 1].</summary>
    public double ThrottledBudgetFactor { get; set; } = 0.5;

    /// <summary>Checks every range and cross-field rule.</summary>
    /// <exception cref="ArgumentNullException">A thresholds object is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names the property (for example <c>Vpin.HaltExit</c>) and value.</exception>
    public void Validate()
    {
        var max = TimeSpan.FromDays(366);
        Guard.Positive(PriceDropWindow);
        Guard.InRange(PriceCapacity, 4, 1 << 16);
        Guard.NotNull(PriceDrop);
        Guard.NotNull(Volatility);
        Guard.NotNull(Vpin);
        Guard.NotNull(InFlightToDepth);
        PriceDrop.Validate(nameof(PriceDrop));
        Volatility.Validate(nameof(Volatility));
        Vpin.Validate(nameof(Vpin));
        InFlightToDepth.Validate(nameof(InFlightToDepth));
        CheckState(OracleHeldState, nameof(OracleHeldState));
        CheckState(OracleStaleState, nameof(OracleStaleState));
        Guard.NonNegative(ThrottledMinDwell);
        Guard.NonNegative(HaltedMinDwell);
        foreach (var (value, name) in new[] { (PriceDropWindow, nameof(PriceDropWindow)), (ThrottledMinDwell, nameof(ThrottledMinDwell)), (HaltedMinDwell, nameof(HaltedMinDwell)) })
        {
            if (value > max)
            {
                Guard.Throw(name, value, "must be at most 366 days");
            }
        }

        Guard.InHalfOpenRange(ThrottledBudgetFactor, 0, 1);
    }

    internal CircuitBreakerOptions Clone()
    {
        var copy = (CircuitBreakerOptions)MemberwiseClone();
        copy.PriceDrop = PriceDrop.Clone();
        copy.Volatility = Volatility.Clone();
        copy.Vpin = Vpin.Clone();
        copy.InFlightToDepth = InFlightToDepth.Clone();
        return copy;
    }

    private static void CheckState(BreakerState state, string name)
    {
        if (state is not (BreakerState.Normal or BreakerState.Throttled or BreakerState.Halted))
        {
            Guard.Throw(name, state, "must be Normal, Throttled or Halted");
        }
    }
}
