namespace CascadeGuard.Scheduling;

/// <summary>The outcome of <see cref="LiquidationScheduler.Submit"/>.</summary>
public enum SubmitOutcome
{
    /// <summary>A job was created.</summary>
    Accepted = 0,

    /// <summary>The account already has an active job in this market; nothing changed (amend it by cancelling and resubmitting).</summary>
    AlreadyScheduled,

    /// <summary>The request is smaller than the market's minimum order, so no slice could ever be released; nothing changed.</summary>
    BelowMinimumOrder,
}
