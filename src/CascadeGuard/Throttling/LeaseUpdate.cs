namespace CascadeGuard.Throttling;

/// <summary>The result of <see cref="IVolumeThrottle.Commit"/> or <see cref="IVolumeThrottle.Release"/>.</summary>
/// <param name="Status">Whether it was applied; when not, the throttle is unchanged.</param>
/// <param name="Remaining">Base units still reserved on the lease afterwards (zero once it closes).</param>
/// <param name="Released">Base units returned to the budget by a release.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct LeaseUpdate(LeaseUpdateStatus Status, double Remaining, double Released)
{
    /// <summary>Whether the update was applied.</summary>
    public bool IsApplied => Status == LeaseUpdateStatus.Applied;
}
