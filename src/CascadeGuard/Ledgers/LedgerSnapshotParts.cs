using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CascadeGuard.Ledgers;

/// <summary>Snapshot pieces every ledger shares: the applied-operation index and the text forms of wide integers.</summary>
/// <remarks>
/// Not <see cref="Primitives.SnapshotJson"/>: a ledger refuses a bad snapshot with <see cref="LedgerIntegrityException"/>,
/// the same type a journal that does not replay gets, because hosts restore a ledger from either and handle both alike.
/// </remarks>
internal static class LedgerSnapshotParts
{
    /// <summary>Current snapshot format version of every ledger in this folder.</summary>
    public const int Version = 1;

    public static List<OperationRecord> Export(IdempotencyIndex index)
    {
        var list = new List<OperationRecord>(index.Count);
        foreach (var (id, e) in index.Entries)
        {
            list.Add(new OperationRecord { Id = id, Sequence = e.Sequence, Fingerprint = e.Fingerprint, Applied = e.Applied, Remainder = e.Remainder });
        }

        // Dictionary order is insertion order here, but sort anyway so equal ledgers give byte-identical snapshots.
        list.Sort(static (a, b) => a.Sequence.CompareTo(b.Sequence));
        return list;
    }

    public static void Import(IdempotencyIndex index, List<OperationRecord>? records, long nextSequence)
    {
        foreach (var r in records ?? [])
        {
            if (r.Sequence < 1 || r.Sequence >= nextSequence)
            {
                throw new LedgerIntegrityException(string.Create(CultureInfo.InvariantCulture, $"Snapshot operation {r.Id} has sequence {r.Sequence} outside [1, {nextSequence})."));
            }

            index.Load(r.Id, new IdempotencyIndex.Entry(r.Sequence, r.Fingerprint, r.Applied, r.Remainder));
        }
    }

    /// <summary>Deserialises with the source-generated metadata; malformed or empty JSON is an integrity error.</summary>
    public static T ReadJson<T>(string json, JsonTypeInfo<T> info, string what)
        where T : class
    {
        Primitives.Guard.NotNull(json);
        try
        {
            return JsonSerializer.Deserialize(json, info) ?? throw new LedgerIntegrityException($"{what} is empty.");
        }
        catch (JsonException ex)
        {
            throw new LedgerIntegrityException($"{what} is not valid JSON.", ex);
        }
    }

    public static void CheckVersion(int version, string what)
    {
        if (version != Version)
        {
            throw new LedgerIntegrityException(string.Create(CultureInfo.InvariantCulture, $"{what} snapshot version {version} is not supported (expected {Version})."));
        }
    }

    public static string ToText(Int128 value) => value.ToString(CultureInfo.InvariantCulture);

    public static Int128 ParseInt128(string? text, string what) =>
        Int128.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new LedgerIntegrityException($"Snapshot field {what} is not an integer; was '{text}'.");

    public static string ToText(UInt128 value) => value.ToString("x", CultureInfo.InvariantCulture);

    public static UInt128 ParseUInt128(string? text, string what) =>
        UInt128.TryParse(text, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new LedgerIntegrityException($"Snapshot field {what} is not a hexadecimal integer; was '{text}'.");

    public static Primitives.UInt256 ParseUInt256(string? text, string what) =>
        Primitives.UInt256.TryParse(text, out var v)
            ? v
            : throw new LedgerIntegrityException($"Snapshot field {what} is not a hexadecimal integer; was '{text}'.");

    /// <summary>One applied operation id in a snapshot.</summary>
    internal sealed class OperationRecord
    {
        public long Id { get; set; }

        public long Sequence { get; set; }

        public ulong Fingerprint { get; set; }

        public long Applied { get; set; }

        public long Remainder { get; set; }
    }
}
