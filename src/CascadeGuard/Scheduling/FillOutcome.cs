namespace CascadeGuard.Scheduling;

/// <summary>The outcome of <see cref="LiquidationScheduler.ApplyFill"/> for a fill that was not rejected.</summary>
public enum FillOutcome
{
    /// <summary>The fill was applied to its instruction and job.</summary>
    Applied = 0,

    /// <summary>A fill with this id was already applied; nothing changed.</summary>
    Duplicate,

    /// <summary>
    /// The instruction had already expired or been cancelled (its quantity back in the job) when this fill arrived; the fill
    /// was applied to the job directly.
    /// </summary>
    AppliedLate,
}
