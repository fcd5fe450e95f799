namespace CascadeGuard.Ledgers;

/// <summary>What a ledger did with an operation.</summary>
public enum LedgerOutcome
{
    /// <summary>The operation changed the ledger and was journaled.</summary>
    Applied = 0,

    /// <summary>The operation id was seen before: nothing changed; the receipt repeats the original result.</summary>
    Duplicate = 1,

    /// <summary>The operation was refused (see <see cref="LedgerRejection"/>); the ledger is exactly as before.</summary>
    Rejected = 2,
}
