namespace CascadeGuard.Oracle;

/// <summary>
/// Why <see cref="OracleGuard"/> offers the price it offers. A host can log and display it as is; the engine only
/// needs <see cref="OracleDecision.CanLiquidate"/>.
/// </summary>
public enum OracleStatus
{
    /// <summary>No usable price yet: no quote admitted, or the delay window does not reach back to the first one. Not actionable.</summary>
    Unavailable = 0,

    /// <summary>The latest admitted price, unsmoothed and undelayed (smoothing <see cref="OracleSmoothing.None"/>, no delay).</summary>
    Fresh = 1,

    /// <summary>A smoothed (TWAP or EMA) and/or delayed price over admitted quotes.</summary>
    Smoothed = 2,

    /// <summary>
    /// The latest admission was a jump beyond the deviation limit that later quotes or a second source confirmed.
    /// Stays until the next ordinary admission.
    /// </summary>
    Confirmed = 3,

    /// <summary>
    /// The latest quotes jump beyond the deviation limit and are not confirmed yet; the price offered is the one from
    /// before the jump. Still actionable: the held price is the last one the guard trusts.
    /// </summary>
    DeviationHeld = 4,

    /// <summary>
    /// No quote within the staleness limit has been admitted (quotes held as unconfirmed jumps do not count):
    /// liquidations of the asset are paused. Not actionable.
    /// </summary>
    StalePaused = 5,
}
