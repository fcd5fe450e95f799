namespace CascadeGuard.Ledgers;

/// <summary>Why a ledger refused an operation. A refused operation leaves the ledger exactly as it was and is not journaled.</summary>
public enum LedgerRejection
{
    /// <summary>Not refused.</summary>
    None = 0,

    /// <summary>A withdrawal asks for more than the depositor's compounded deposit or the fund's balance.</summary>
    InsufficientBalance = 1,

    /// <summary>An offset asks a pool to cancel more debt than it holds in deposits.</summary>
    InsufficientDeposits = 2,

    /// <summary>
    /// An offset would leave the pool with less than its minimum balance without emptying it completely; the caller
    /// may offset less, or exactly the whole pool.
    /// </summary>
    BelowMinimumBalance = 3,

    /// <summary>A fund withdrawal would take the balance below the floor.</summary>
    BelowFloor = 4,

    /// <summary>A total would pass the largest amount the ledger can represent.</summary>
    Overflow = 5,

    /// <summary>A reward was sent to a pool that holds no deposits to share it.</summary>
    NoDepositors = 6,

    /// <summary>The operation id was already used for a different operation.</summary>
    IdReused = 7,
}
