using CascadeGuard.Primitives;
using CascadeGuard.Throttling;

namespace CascadeGuard.Scheduling;

/// <summary>
/// A market sale the host's executor carries out: sell <see cref="Quantity"/> in <see cref="Market"/> at no less than
/// <see cref="LimitPrice"/>, starting no earlier than <see cref="NotBefore"/> and finishing by <see cref="NotAfter"/>. The
/// start inside the window is drawn at random so the timing of forced sales cannot be anticipated. Report fills with
/// <see cref="LiquidationScheduler.ApplyFill"/>; what is unfilled at <see cref="NotAfter"/> returns to the job.
/// </summary>
/// <param name="Id">The instruction's id.</param>
/// <param name="Job">The job it belongs to.</param>
/// <param name="Account">The account liquidated.</param>
/// <param name="Market">The market to sell in.</param>
/// <param name="Quantity">Base units to sell; at least the market's minimum order.</param>
/// <param name="LimitPrice">The lowest acceptable price.</param>
/// <param name="NotBefore">Earliest start of execution.</param>
/// <param name="NotAfter">Deadline; unfilled quantity expires then.</param>
/// <param name="Lease">The throttle lease reserving the quantity.</param>
public readonly record struct SellInstruction(
    InstructionId Id,
    JobId Job,
    AccountId Account,
    MarketId Market,
    double Quantity,
    double LimitPrice,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter,
    LeaseId Lease);
