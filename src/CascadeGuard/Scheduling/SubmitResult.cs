namespace CascadeGuard.Scheduling;

/// <summary>The result of <see cref="LiquidationScheduler.Submit"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Job">The new job, or the account's existing job when already scheduled; empty otherwise.</param>
public readonly record struct SubmitResult(SubmitOutcome Outcome, JobId Job)
{
    /// <summary>Whether a job was created.</summary>
    public bool IsAccepted => Outcome == SubmitOutcome.Accepted;
}
