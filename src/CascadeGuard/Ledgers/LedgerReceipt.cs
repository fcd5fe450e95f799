namespace CascadeGuard.Ledgers;

/// <summary>
/// The answer to one ledger operation: whether it was applied, repeated or refused, its journal sequence number and the
/// amounts it moved. <see cref="Amount"/> + <see cref="Remainder"/> equals what was asked for, exactly.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct LedgerReceipt
{
    internal LedgerReceipt(LedgerOutcome outcome, LedgerRejection rejection, long sequence, decimal amount, decimal remainder)
    {
        Outcome = outcome;
        Rejection = rejection;
        Sequence = sequence;
        Amount = amount;
        Remainder = remainder;
    }

    /// <summary>Applied, repeated or refused.</summary>
    public LedgerOutcome Outcome { get; }

    /// <summary>Why it was refused; <see cref="LedgerRejection.None"/> unless <see cref="Outcome"/> is <see cref="LedgerOutcome.Rejected"/>.</summary>
    public LedgerRejection Rejection { get; }

    /// <summary>The journal sequence number of the event (the original one for a duplicate); 0 when refused.</summary>
    public long Sequence { get; }

    /// <summary>
    /// The amount the operation moved: deposited, withdrawn, claimed, debt cancelled, covered, or accepted into a fund.
    /// Zero when refused.
    /// </summary>
    public decimal Amount { get; }

    /// <summary>The part of the request not moved: the uncovered part of a cover request, or an inflow above a fund's cap.</summary>
    public decimal Remainder { get; }

    /// <summary>True when the operation changed the ledger now.</summary>
    public bool IsApplied => Outcome == LedgerOutcome.Applied;

    internal static LedgerReceipt Reject(LedgerRejection reason) => new(LedgerOutcome.Rejected, reason, 0, 0m, 0m);
}
