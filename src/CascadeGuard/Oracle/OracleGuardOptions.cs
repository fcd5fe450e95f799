using CascadeGuard.Primitives;

namespace CascadeGuard.Oracle;

/// <summary>
/// Configuration of one <see cref="OracleGuard"/>. The guard copies the values at construction, so later changes to
/// this object do not affect a running guard.
/// </summary>
public sealed class OracleGuardOptions
{
    /// <summary>The largest number of sources a guard accepts (sources are tracked in a 32-bit mask).</summary>
    public const int MaxSourceCount = 32;

    /// <summary>The largest history capacity.</summary>
    public const int MaxCapacity = 1 << 16;

    /// <summary>The smallest history capacity.</summary>
    public const int MinCapacity = 4;

    /// <summary>The longest any duration option may be (366 days), so that sums of durations cannot overflow.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(366);

    /// <summary>Number of independent quote sources, indexed 0 to <c>SourceCount - 1</c>. Default 1; at most <see cref="MaxSourceCount"/>.</summary>
    public int SourceCount { get; set; } = 1;

    /// <summary>
    /// The staleness limit: when no quote stamped within this span of now has been admitted (held, unconfirmed
    /// jumps do not count), the asset is <see cref="OracleStatus.StalePaused"/>; a quote already older than this on
    /// arrival is rejected as
    /// <see cref="Feeds.QuoteRejection.Stale"/>. A quote exactly this old is still fresh. Default 60 s.
    /// </summary>
    public TimeSpan MaxStaleness { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How far ahead of the host clock a quote may be stamped (clock skew). Default 2 s; zero or positive.</summary>
    public TimeSpan MaxFutureSkew { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Which smoothing the actionable price uses. Default <see cref="OracleSmoothing.Twap"/>.</summary>
    public OracleSmoothing Smoothing { get; set; } = OracleSmoothing.Twap;

    /// <summary>The TWAP averaging window. Default 60 s; positive.</summary>
    public TimeSpan TwapWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>The EMA half-life: after this span a step in the price is half absorbed. Default 30 s; positive.</summary>
    public TimeSpan EmaHalfLife { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The deviation limit, as a fraction of the reference (smoothed) price: a candidate price with
    /// |candidate / reference − 1| above this is held until confirmed. Default 0.10; positive, or
    /// <see cref="double.PositiveInfinity"/> to turn the check off.
    /// </summary>
    public double MaxDeviation { get; set; } = 0.10;

    /// <summary>
    /// How many consecutive deviating quotes in the same direction confirm a jump (the first one included).
    /// Default 3; at least 1 (1 admits every jump at once).
    /// </summary>
    public int ConfirmationQuotes { get; set; } = 3;

    /// <summary>
    /// How many distinct sources reporting a deviation in the same direction confirm it, whatever the quote count.
    /// Default 2; at least 2. Has no effect with a single source.
    /// </summary>
    public int ConfirmationSources { get; set; } = 2;

    /// <summary>
    /// The delay: the engine acts on the (smoothed) price as it was this long ago, as a delayed oracle does, so a
    /// momentary spike is seen only after it has had time to be contradicted. Default zero (off).
    /// </summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// The fixed number of admitted prices kept. When prices arrive faster than the history horizon
    /// (<see cref="Delay"/> + <see cref="TwapWindow"/> when TWAP is on + <see cref="MaxFutureSkew"/>) divided by
    /// <c>Capacity − 2</c>, a new price replaces the newest one instead of adding an entry, so the horizon is always
    /// covered. Default 256; in [<see cref="MinCapacity"/>, <see cref="MaxCapacity"/>].
    /// </summary>
    public int Capacity { get; set; } = 256;

    /// <summary>Checks every range and cross-field rule.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names the property and value.</exception>
    public void Validate()
    {
        Guard.InRange(SourceCount, 1, MaxSourceCount);
        Guard.Positive(MaxStaleness);
        Guard.NonNegative(MaxFutureSkew);
        if (Smoothing is not (OracleSmoothing.None or OracleSmoothing.Twap or OracleSmoothing.Ema))
        {
            Guard.Throw(nameof(Smoothing), Smoothing, "must be None, Twap or Ema");
        }

        Guard.Positive(TwapWindow);
        Guard.Positive(EmaHalfLife);
        if (!(MaxDeviation > 0))
        {
            Guard.Throw(nameof(MaxDeviation), MaxDeviation, "must be positive (or +Infinity for off)");
        }

        Guard.Positive(ConfirmationQuotes);
        Guard.InRange(ConfirmationSources, 2, MaxSourceCount);
        Guard.NonNegative(Delay);
        Guard.InRange(Capacity, MinCapacity, MaxCapacity);
        AtMostMaxDuration(MaxStaleness, nameof(MaxStaleness));
        AtMostMaxDuration(MaxFutureSkew, nameof(MaxFutureSkew));
        AtMostMaxDuration(TwapWindow, nameof(TwapWindow));
        AtMostMaxDuration(EmaHalfLife, nameof(EmaHalfLife));
        AtMostMaxDuration(Delay, nameof(Delay));
    }

    internal OracleGuardOptions Clone() => (OracleGuardOptions)MemberwiseClone();

    /// <summary>How far back the guard must keep admitted prices: delay, TWAP window when used, and future skew.</summary>
    internal TimeSpan HistoryHorizon => Delay + (Smoothing == OracleSmoothing.Twap ? TwapWindow : TimeSpan.Zero) + MaxFutureSkew;

    private static void AtMostMaxDuration(TimeSpan value, string name)
    {
        if (value > MaxDuration)
        {
            Guard.Throw(name, value, "must be at most 366 days");
        }
    }
}
