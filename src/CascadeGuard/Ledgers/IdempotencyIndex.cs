using System.Diagnostics.CodeAnalysis;

namespace CascadeGuard.Ledgers;

/// <summary>
/// Which operation ids a ledger has applied, with the digest of each operation and the result it returned, so a
/// repeat answers exactly as the original did. Part of every ledger's snapshot.
/// </summary>
internal sealed class IdempotencyIndex
{
    private readonly Dictionary<long, Entry> _entries = [];

    public int Count => _entries.Count;

    public IEnumerable<KeyValuePair<long, Entry>> Entries => _entries;

    public bool TryGet(OperationId id, [MaybeNullWhen(false)] out Entry entry) => _entries.TryGetValue(id.Value, out entry);

    public void Add(OperationId id, Entry entry) => _entries.Add(id.Value, entry);

    public void Load(long id, Entry entry)
    {
        if (id == 0 || !_entries.TryAdd(id, entry))
        {
            throw new LedgerIntegrityException($"Snapshot lists operation id {id} twice or as zero.");
        }
    }

    /// <summary>
    /// When the id was seen: a <see cref="LedgerOutcome.Duplicate"/> receipt repeating the original amounts, or a
    /// <see cref="LedgerRejection.IdReused"/> refusal if the content differs.
    /// </summary>
    public bool TryRepeat(OperationId id, ulong fingerprint, in MoneyUnits units, out LedgerReceipt receipt)
    {
        if (!_entries.TryGetValue(id.Value, out var e))
        {
            receipt = default;
            return false;
        }

        receipt = e.Fingerprint == fingerprint
            ? new LedgerReceipt(LedgerOutcome.Duplicate, LedgerRejection.None, e.Sequence, units.ToMoney(e.Applied), units.ToMoney(e.Remainder))
            : LedgerReceipt.Reject(LedgerRejection.IdReused);
        return true;
    }

    /// <summary>One applied operation.</summary>
    /// <param name="Sequence">Its journal sequence number.</param>
    /// <param name="Fingerprint">Digest of its content.</param>
    /// <param name="Applied">Units moved.</param>
    /// <param name="Remainder">Units not moved.</param>
    internal readonly record struct Entry(long Sequence, ulong Fingerprint, long Applied, long Remainder);
}
