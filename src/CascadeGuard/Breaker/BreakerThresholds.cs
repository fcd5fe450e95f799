using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Breaker;

/// <summary>
/// Hysteresis levels of one stress measure: it pushes the breaker into a state when it reaches the enter level and
/// stops holding it there only below the (lower) exit level. An infinite enter level switches that part off.
/// </summary>
public sealed class BreakerThresholds
{
    /// <summary>Creates levels with every value zero; set them, or use <see cref="Disabled"/>.</summary>
    public BreakerThresholds()
    {
    }

    /// <summary>Creates levels.</summary>
    /// <param name="throttleEnter">Level at or above which the measure throttles.</param>
    /// <param name="throttleExit">Level below which the measure no longer holds the breaker throttled.</param>
    /// <param name="haltEnter">Level at or above which the measure halts.</param>
    /// <param name="haltExit">Level below which the measure no longer holds the breaker halted.</param>
    public BreakerThresholds(double throttleEnter, double throttleExit, double haltEnter, double haltExit)
    {
        ThrottleEnter = throttleEnter;
        ThrottleExit = throttleExit;
        HaltEnter = haltEnter;
        HaltExit = haltExit;
    }

    /// <summary>Level at or above which the measure throttles; positive, or +∞ for never.</summary>
    public double ThrottleEnter { get; set; }

    /// <summary>Level below which the measure lets the breaker leave Throttled; finite, zero or positive, below <see cref="ThrottleEnter"/>.</summary>
    public double ThrottleExit { get; set; }

    /// <summary>Level at or above which the measure halts; at least <see cref="ThrottleEnter"/>, or +∞ for never.</summary>
    public double HaltEnter { get; set; }

    /// <summary>Level below which the measure lets the breaker leave Halted; finite, zero or positive, below <see cref="HaltEnter"/>.</summary>
    public double HaltExit { get; set; }

    /// <summary>Levels that never trigger and never hold: the measure is ignored.</summary>
    /// <returns>A new instance.</returns>
    public static BreakerThresholds Disabled() => new(double.PositiveInfinity, 0, double.PositiveInfinity, 0);

    internal bool ThrottleEnabled => !double.IsPositiveInfinity(ThrottleEnter);

    internal bool HaltEnabled => !double.IsPositiveInfinity(HaltEnter);

    internal BreakerThresholds Clone() => (BreakerThresholds)MemberwiseClone();

    internal void Validate(string name)
    {
        if (!(ThrottleEnter > 0))
        {
            Guard.Throw(name + "." + nameof(ThrottleEnter), ThrottleEnter, "must be positive (or +Infinity for never)");
        }

        Guard.FiniteNonNegative(ThrottleExit, name + "." + nameof(ThrottleExit));
        if (!(ThrottleExit < ThrottleEnter))
        {
            Guard.Throw(name + "." + nameof(ThrottleExit), ThrottleExit, string.Create(CultureInfo.InvariantCulture, $"must be below ThrottleEnter = {ThrottleEnter}"));
        }

        if (!(HaltEnter >= ThrottleEnter))
        {
            Guard.Throw(name + "." + nameof(HaltEnter), HaltEnter, string.Create(CultureInfo.InvariantCulture, $"must be at least ThrottleEnter = {ThrottleEnter} (or +Infinity for never)"));
        }

        Guard.FiniteNonNegative(HaltExit, name + "." + nameof(HaltExit));
        if (!(HaltExit < HaltEnter))
        {
            Guard.Throw(name + "." + nameof(HaltExit), HaltExit, string.Create(CultureInfo.InvariantCulture, $"must be below HaltEnter = {HaltEnter}"));
        }
    }
}
