namespace CascadeGuard.Throttling;

/// <summary>
/// The answer to a reservation, in the manner of System.Threading.RateLimiting's lease: granted with an id and a quantity,
/// or refused with the reason and the earliest time more may be available. A refusal is a normal outcome, not an error.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct ThrottleLease
{
    internal ThrottleLease(LeaseId id, double quantity, ThrottleReason reason, DateTimeOffset? retryAt, double available)
    {
        Id = id;
        Quantity = quantity;
        Reason = reason;
        RetryAt = retryAt;
        Available = available;
    }

    /// <summary>Whether a quantity was reserved.</summary>
    public bool IsGranted => Id.Value != 0;

    /// <summary>The reservation's id, to commit fills against and to release; empty when refused.</summary>
    public LeaseId Id { get; }

    /// <summary>Base units reserved; zero when refused.</summary>
    public double Quantity { get; }

    /// <summary>
    /// Why the reservation was refused, or, when granted less than asked, which limit cut it; <see cref="ThrottleReason.None"/>
    /// when granted in full.
    /// </summary>
    public ThrottleReason Reason { get; }

    /// <summary>
    /// When refused: the earliest time at which the same request could be granted if nothing else happens (no new book, trades,
    /// fills or releases), or null when the clock alone will not bring it (a new book, market volume or a fill is needed).
    /// </summary>
    public DateTimeOffset? RetryAt { get; }

    /// <summary>Base units that were available when the request was decided, before any grant.</summary>
    public double Available { get; }
}
