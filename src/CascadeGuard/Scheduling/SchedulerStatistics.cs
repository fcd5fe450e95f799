namespace CascadeGuard.Scheduling;

/// <summary>
/// Cumulative counters of a scheduler. They describe what has happened, never what is planned: no figure here reveals the
/// size or timing of a slice that is not yet due. Rejected fills change nothing, so they are not counted here either: the
/// host sees each one as a <see cref="FillRejectedException"/>.
/// </summary>
/// <param name="ActiveJobs">Jobs not yet completed or cancelled.</param>
/// <param name="SubmittedJobs">Jobs accepted since creation.</param>
/// <param name="CompletedJobs">Jobs completed (with or without dust).</param>
/// <param name="ReleasedInstructions">Instructions released.</param>
/// <param name="ReleasedQuantity">Base units released.</param>
/// <param name="FilledQuantity">Base units filled.</param>
/// <param name="ExpiredQuantity">Base units that expired unfilled and returned to their jobs.</param>
/// <param name="CancelledQuantity">Base units cancelled.</param>
/// <param name="DuplicateFills">Fills ignored as duplicates.</param>
/// <param name="LateFills">Fills applied after their instruction had closed.</param>
public readonly record struct SchedulerStatistics(
    int ActiveJobs,
    long SubmittedJobs,
    long CompletedJobs,
    long ReleasedInstructions,
    double ReleasedQuantity,
    double FilledQuantity,
    double ExpiredQuantity,
    double CancelledQuantity,
    long DuplicateFills,
    long LateFills);
