namespace CascadeGuard.Scheduling;

/// <summary>The state of a liquidation job.</summary>
public enum JobStatus
{
    /// <summary>Work remains or slices are in flight.</summary>
    Active = 0,

    /// <summary>The requested amount was sold (or raised).</summary>
    Completed,

    /// <summary>
    /// Partial fills left a remainder below the market's minimum order with nothing in flight; it cannot be sold as a slice and
    /// is reported as <see cref="JobView.Dust"/> for the host to route to an auction or a buffer pool.
    /// </summary>
    CompletedWithDust,

    /// <summary>Cancelled by the host; open slices were cancelled and their leases released.</summary>
    Cancelled,
}
