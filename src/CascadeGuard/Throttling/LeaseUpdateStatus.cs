namespace CascadeGuard.Throttling;

/// <summary>The outcome of a commit or release against a lease.</summary>
public enum LeaseUpdateStatus
{
    /// <summary>Applied.</summary>
    Applied = 0,

    /// <summary>The throttle never issued this id.</summary>
    UnknownLease,

    /// <summary>The lease was issued but is closed (fully filled or released): a duplicate or late report.</summary>
    LeaseClosed,

    /// <summary>The fill is larger than what remains reserved on the lease.</summary>
    ExceedsLease,
}
