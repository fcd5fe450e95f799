using CascadeGuard.Primitives;

namespace CascadeGuard.Scheduling;

/// <summary>
/// What the host may know of one of its jobs. Deliberately silent on the timing and size of the job's next slices, which the
/// scheduler keeps to itself so they cannot be front-run.
/// </summary>
/// <param name="Job">The job.</param>
/// <param name="Account">The account.</param>
/// <param name="Market">The market.</param>
/// <param name="Target">Quantity or proceeds.</param>
/// <param name="Requested">The amount requested (target units).</param>
/// <param name="Filled">The amount filled so far (target units).</param>
/// <param name="InFlight">The amount in open slices (target units; proceeds valued at the reference price of release).</param>
/// <param name="Dust">The unsellable remainder once the job completed with dust.</param>
/// <param name="Status">The job's state.</param>
public readonly record struct JobView(
    JobId Job,
    AccountId Account,
    MarketId Market,
    LiquidationTarget Target,
    double Requested,
    double Filled,
    double InFlight,
    double Dust,
    JobStatus Status);
