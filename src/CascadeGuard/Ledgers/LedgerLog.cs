using System.Globalization;

namespace CascadeGuard.Ledgers;

/// <summary>
/// The bookkeeping every ledger shares: the journal, the next sequence number, and the index of applied operation ids.
/// An event is appended and its id indexed in one step, so the two never disagree.
/// </summary>
internal sealed class LedgerLog<TEvent>
    where TEvent : class
{
    private readonly List<TEvent> _journal = [];

    public IdempotencyIndex Operations { get; } = new();

    public IReadOnlyList<TEvent> Journal => _journal;

    public long NextSequence { get; private set; } = 1;

    /// <summary>Journals <paramref name="e"/> (built with sequence <see cref="NextSequence"/>) and indexes its id.</summary>
    public long Append(OperationId id, ulong fingerprint, long applied, long remainder, TEvent e)
    {
        var sequence = NextSequence++;
        _journal.Add(e);
        Operations.Add(id, new IdempotencyIndex.Entry(sequence, fingerprint, applied, remainder));
        return sequence;
    }

    /// <summary>A replayed event must carry exactly the next sequence number.</summary>
    public void ExpectSequence(long sequence, string ledger)
    {
        if (sequence != NextSequence)
        {
            throw new LedgerIntegrityException(string.Create(CultureInfo.InvariantCulture, $"{ledger}: journal event {sequence} where {NextSequence} was expected."));
        }
    }

    public void Load(long nextSequence, List<LedgerSnapshotParts.OperationRecord>? operations)
    {
        if (nextSequence < 1)
        {
            throw new LedgerIntegrityException("Snapshot next sequence must be at least 1.");
        }

        NextSequence = nextSequence;
        LedgerSnapshotParts.Import(Operations, operations, nextSequence);
    }
}
