namespace CascadeGuard.Scheduling;

/// <summary>The outcome of cancelling an instruction or a job.</summary>
public enum CancelOutcome
{
    /// <summary>Cancelled; open quantity returned (to the job, or released to the throttle for a job).</summary>
    Cancelled = 0,

    /// <summary>Already closed (filled, expired or cancelled); nothing changed.</summary>
    AlreadyClosed,

    /// <summary>No such instruction or job; nothing changed.</summary>
    Unknown,
}
