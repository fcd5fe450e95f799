using System.Text.Json;
using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers.BufferPools;

/// <summary>The versioned JSON form of a <see cref="BufferPoolSet"/>: every pool's snapshot plus the set's routing records.</summary>
internal static class BufferPoolSetSnapshot
{
    public static string Write(BufferPoolSet set)
    {
        var model = new BufferPoolSetModel
        {
            Version = LedgerSnapshotParts.Version,
            NextSequence = set.NextSequence,
            Operations = LedgerSnapshotParts.Export(set.Operations),
        };
        foreach (var p in set.Pools)
        {
            model.Pools.Add(BufferPoolSnapshot.ToModel(p));
        }

        foreach (var op in model.Operations)
        {
            model.Taken.Add([.. set.Taken[op.Id]]);
        }

        return JsonSerializer.Serialize(model, LedgerJsonContext.Default.BufferPoolSetModel);
    }

    public static BufferPoolSet Read(string json, TimeProvider? timeProvider)
    {
        var model = LedgerSnapshotParts.ReadJson(json, LedgerJsonContext.Default.BufferPoolSetModel, "Buffer pool set snapshot");
        LedgerSnapshotParts.CheckVersion(model.Version, "Buffer pool set");
        if (model.Taken.Count != model.Operations.Count)
        {
            throw new LedgerIntegrityException("Buffer pool set snapshot: routing records and operations differ in number.");
        }

        var pools = new BufferPool[model.Pools.Count];
        for (var i = 0; i < pools.Length; i++)
        {
            pools[i] = BufferPoolSnapshot.FromModel(model.Pools[i], timeProvider);
        }

        BufferPoolSet set;
        try
        {
            set = BufferPoolSet.FromPools(pools, timeProvider);
        }
        catch (ArgumentException ex)
        {
            throw new LedgerIntegrityException("Buffer pool set snapshot has inconsistent pools.", ex);
        }

        var taken = new List<KeyValuePair<long, decimal[]>>(model.Operations.Count);
        for (var i = 0; i < model.Operations.Count; i++)
        {
            taken.Add(new(model.Operations[i].Id, [.. model.Taken[i]]));
        }

        set.LoadRecords(model.NextSequence, model.Operations, taken);
        return set;
    }

    /// <summary>The JSON document.</summary>
    internal sealed class BufferPoolSetModel
    {
        public int Version { get; set; }

        public long NextSequence { get; set; }

        public List<BufferPoolSnapshot.BufferPoolModel> Pools { get; set; } = [];

        public List<LedgerSnapshotParts.OperationRecord> Operations { get; set; } = [];

        /// <summary>Collateral taken per offered entry, one row per operation, in the order of <see cref="Operations"/>.</summary>
        public List<List<decimal>> Taken { get; set; } = [];
    }
}
