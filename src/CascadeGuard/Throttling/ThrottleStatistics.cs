namespace CascadeGuard.Throttling;

/// <summary>A throttle's state at one moment, cheap to read. Quantities are base units.</summary>
/// <param name="Available">What a reservation could be granted now.</param>
/// <param name="InFlight">Reserved and neither filled nor released.</param>
/// <param name="OpenLeases">Leases not yet closed.</param>
/// <param name="Granted">Total ever reserved.</param>
/// <param name="Committed">Total ever filled. <c>Granted = Committed + Released + InFlight</c> up to rounding.</param>
/// <param name="Released">Total ever returned by releases.</param>
/// <param name="GrantedCount">Reservations granted.</param>
/// <param name="DeniedCount">Reservations refused.</param>
/// <param name="Multiplier">The current tightening multiplier from volatility and VPIN, in (0, 1].</param>
/// <param name="Limit">What binds now.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct ThrottleStatistics(
    double Available,
    double InFlight,
    int OpenLeases,
    double Granted,
    double Committed,
    double Released,
    long GrantedCount,
    long DeniedCount,
    double Multiplier,
    ThrottleReason Limit);
