using System.Text.Json;
using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers.BufferPools;

/// <summary>
/// The versioned JSON form of a <see cref="BufferPool"/>: options, product-sum state (P and S as hexadecimal
/// integers), every depositor with a position, totals and applied operation ids. Restoring validates every field
/// against the pool's invariants before the pool is handed out.
/// </summary>
internal static class BufferPoolSnapshot
{
    public static string Write(BufferPool pool) => JsonSerializer.Serialize(ToModel(pool), LedgerJsonContext.Default.BufferPoolModel);

    public static BufferPool Read(string json, TimeProvider? timeProvider) =>
        FromModel(LedgerSnapshotParts.ReadJson(json, LedgerJsonContext.Default.BufferPoolModel, "Buffer pool snapshot"), timeProvider);

    internal static BufferPoolModel ToModel(BufferPool pool)
    {
        var core = pool.Core;
        var options = pool.OptionsCopy;
        var (deposited, withdrawn, burned) = pool.Totals;
        var model = new BufferPoolModel
        {
            Version = LedgerSnapshotParts.Version,
            Name = options.Name,
            DebtAsset = options.DebtAsset.Value,
            DebtQuantum = options.DebtQuantum,
            MinimumBalance = options.MinimumBalance,
            Priority = options.Priority,
            NextSequence = pool.NextSequence,
            Total = core.Total,
            P = LedgerSnapshotParts.ToText(core.P),
            Scale = core.Scale,
            Epoch = core.Epoch,
            EpochFirstSlots = [.. core.EpochFirstSlots],
            Deposited = LedgerSnapshotParts.ToText(deposited),
            Withdrawn = LedgerSnapshotParts.ToText(withdrawn),
            Burned = LedgerSnapshotParts.ToText(burned),
            Operations = LedgerSnapshotParts.Export(pool.Operations),
        };
        foreach (var m in options.Markets)
        {
            model.Markets.Add(m.Value);
        }

        for (var k = 0; k < options.GainAssets.Count; k++)
        {
            model.Assets.Add(new AssetModel
            {
                Asset = options.GainAssets[k].Asset.Value,
                Quantum = options.GainAssets[k].Quantum,
                Carry = LedgerSnapshotParts.ToText(core.Carry[k]),
                Received = LedgerSnapshotParts.ToText(pool.Received[k]),
                Claimed = LedgerSnapshotParts.ToText(pool.Claimed[k]),
            });
        }

        foreach (var slot in core.Sums)
        {
            var row = new List<string>(slot.Length);
            foreach (var s in slot)
            {
                row.Add(s.ToString());
            }

            model.Sums.Add(row);
        }

        for (var d = 0; d < core.Capacity; d++)
        {
            if (!core.HasPosition(d))
            {
                continue;
            }

            var st = core.GetState(d);
            var dm = new DepositorModel
            {
                Depositor = d,
                Base = st.Base,
                P = LedgerSnapshotParts.ToText(st.P),
                Epoch = st.Epoch,
                Scale = st.Scale,
                Slot = st.Slot,
                Stash = [.. st.Stash],
            };
            foreach (var s in st.Sums)
            {
                dm.Sums.Add(s.ToString());
            }

            model.Depositors.Add(dm);
        }

        return model;
    }

    internal static BufferPool FromModel(BufferPoolModel model, TimeProvider? timeProvider)
    {
        LedgerSnapshotParts.CheckVersion(model.Version, "Buffer pool");
        var options = new BufferPoolOptions
        {
            Name = model.Name ?? string.Empty,
            DebtQuantum = model.DebtQuantum,
            MinimumBalance = model.MinimumBalance,
            Priority = model.Priority,
        };
        BufferPool pool;
        try
        {
            options.DebtAsset = new AssetId(model.DebtAsset);
            foreach (var a in model.Assets)
            {
                options.GainAssets.Add(new PoolAsset(new AssetId(a.Asset), a.Quantum));
            }

            foreach (var m in model.Markets)
            {
                options.Markets.Add(new MarketId(m));
            }

            pool = new BufferPool(options, timeProvider);
        }
        catch (ArgumentException ex)
        {
            throw new LedgerIntegrityException("Buffer pool snapshot has invalid options.", ex);
        }

        var k = model.Assets.Count;
        var sums = new List<UInt256[]>(model.Sums.Count);
        foreach (var row in model.Sums)
        {
            sums.Add(ParseRow(row, k, "sums"));
        }

        var carry = new UInt128[k];
        var received = new Int128[k];
        var claimed = new Int128[k];
        for (var i = 0; i < k; i++)
        {
            carry[i] = LedgerSnapshotParts.ParseUInt128(model.Assets[i].Carry, "carry");
            received[i] = LedgerSnapshotParts.ParseInt128(model.Assets[i].Received, "received");
            claimed[i] = LedgerSnapshotParts.ParseInt128(model.Assets[i].Claimed, "claimed");
        }

        var core = pool.Core;
        core.Load(model.Total, LedgerSnapshotParts.ParseUInt128(model.P, "p"), model.Scale, model.Epoch, model.EpochFirstSlots, sums, carry);
        var previous = -1;
        foreach (var d in model.Depositors)
        {
            if (d.Depositor <= previous)
            {
                throw new LedgerIntegrityException("Snapshot depositors are not in increasing order.");
            }

            previous = d.Depositor;
            var state = new ProductSumPool.DepositorState(d.Base, LedgerSnapshotParts.ParseUInt128(d.P, "depositor p"), d.Epoch, d.Scale, d.Slot, ParseRow(d.Sums, k, "depositor sums"), [.. d.Stash]);
            core.LoadDepositor(d.Depositor, state);
        }

        pool.LoadTotals(
            model.NextSequence,
            model.Operations,
            LedgerSnapshotParts.ParseInt128(model.Deposited, "deposited"),
            LedgerSnapshotParts.ParseInt128(model.Withdrawn, "withdrawn"),
            LedgerSnapshotParts.ParseInt128(model.Burned, "burned"),
            received,
            claimed);
        CheckSolvency(pool);
        return pool;
    }

    private static UInt256[] ParseRow(List<string> row, int count, string what)
    {
        if (row.Count != count)
        {
            throw new LedgerIntegrityException($"Snapshot {what} row has {row.Count} entries, expected {count}.");
        }

        var result = new UInt256[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = LedgerSnapshotParts.ParseUInt256(row[i], what);
        }

        return result;
    }

    /// <summary>A restored pool must owe no more than it holds, as every live pool does.</summary>
    private static void CheckSolvency(BufferPool pool)
    {
        BufferPoolAudit audit;
        try
        {
            audit = pool.Audit();
        }
        catch (OverflowException ex)
        {
            throw new LedgerIntegrityException($"Snapshot of pool '{pool.Name}' describes impossible depositor records.", ex);
        }

        if (audit.DepositDust < 0)
        {
            throw new LedgerIntegrityException($"Snapshot of pool '{pool.Name}' owes more deposits than it holds.");
        }

        foreach (var a in audit.Assets)
        {
            if (a.Dust < 0)
            {
                throw new LedgerIntegrityException($"Snapshot of pool '{pool.Name}' owes more {a.Asset} than it holds.");
            }
        }
    }

    /// <summary>The JSON document.</summary>
    internal sealed class BufferPoolModel
    {
        public int Version { get; set; }

        public string? Name { get; set; }

        public int DebtAsset { get; set; }

        public decimal DebtQuantum { get; set; }

        public decimal MinimumBalance { get; set; }

        public int Priority { get; set; }

        public List<int> Markets { get; set; } = [];

        public List<AssetModel> Assets { get; set; } = [];

        public long NextSequence { get; set; }

        public long Total { get; set; }

        public string? P { get; set; }

        public int Scale { get; set; }

        public int Epoch { get; set; }

        public List<int> EpochFirstSlots { get; set; } = [];

        public List<List<string>> Sums { get; set; } = [];

        public string? Deposited { get; set; }

        public string? Withdrawn { get; set; }

        public string? Burned { get; set; }

        public List<DepositorModel> Depositors { get; set; } = [];

        public List<LedgerSnapshotParts.OperationRecord> Operations { get; set; } = [];
    }

    /// <summary>One gain asset: quantum, carried remainder, totals.</summary>
    internal sealed class AssetModel
    {
        public int Asset { get; set; }

        public decimal Quantum { get; set; }

        public string? Carry { get; set; }

        public string? Received { get; set; }

        public string? Claimed { get; set; }
    }

    /// <summary>One depositor's record.</summary>
    internal sealed class DepositorModel
    {
        public int Depositor { get; set; }

        public long Base { get; set; }

        public string? P { get; set; }

        public int Epoch { get; set; }

        public int Scale { get; set; }

        public int Slot { get; set; }

        public List<string> Sums { get; set; } = [];

        public List<long> Stash { get; set; } = [];
    }
}
