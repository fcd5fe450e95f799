using CascadeGuard.Primitives;

namespace CascadeGuard.Oracle;

/// <summary>
/// The price <see cref="OracleGuard"/> lets the engine act on at one instant, with the reason for it.
/// </summary>
/// <param name="Asset">The asset priced.</param>
/// <param name="Status">Why this price (fresh, smoothed, confirmed, held, paused, unavailable).</param>
/// <param name="Price">
/// The actionable price (unit of account per unit of asset). When <see cref="Status"/> is
/// <see cref="OracleStatus.StalePaused"/> it is the last price the guard had, for display only; zero when
/// <see cref="OracleStatus.Unavailable"/>.
/// </param>
/// <param name="PriceTime">The instant the price describes: the decision time minus the configured delay.</param>
/// <param name="LatestPrice">The latest candidate price (median of the live sources' latest quotes), held or not; zero before any quote.</param>
/// <param name="Age">
/// Decision time minus the timestamp of the newest admitted quote (negative within the allowed future skew); zero
/// before any quote. Held quotes do not refresh it, so a feed that only sends unconfirmed jumps goes stale.
/// </param>
/// <param name="Time">The decision time, from the guard's <see cref="TimeProvider"/>.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct OracleDecision(
    AssetId Asset,
    OracleStatus Status,
    double Price,
    DateTimeOffset PriceTime,
    double LatestPrice,
    TimeSpan Age,
    DateTimeOffset Time)
{
    /// <summary>
    /// Whether the engine may liquidate the asset at <see cref="Price"/>: true for fresh, smoothed, confirmed and
    /// deviation-held prices; false when the price is stale or unavailable.
    /// </summary>
    public bool CanLiquidate => Status is OracleStatus.Fresh or OracleStatus.Smoothed or OracleStatus.Confirmed or OracleStatus.DeviationHeld;
}
