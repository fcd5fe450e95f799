namespace CascadeGuard.Ledgers;

/// <summary>
/// A journal or snapshot does not describe a state the ledger could have reached: replaying an event gave a different
/// result than the one recorded, a sequence number is out of order, or a snapshot's version or content is invalid.
/// The ledger being built is discarded; no live ledger is changed.
/// </summary>
public sealed class LedgerIntegrityException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LedgerIntegrityException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public LedgerIntegrityException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public LedgerIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
