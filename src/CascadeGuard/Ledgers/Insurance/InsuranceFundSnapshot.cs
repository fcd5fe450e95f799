using System.Text.Json;
using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers.Insurance;

/// <summary>The versioned JSON form of an <see cref="InsuranceFund"/>.</summary>
internal static class InsuranceFundSnapshot
{
    public static string Write(InsuranceFund fund)
    {
        var o = fund.OptionsCopy;
        var (balance, covered, withdrawn, inflows) = fund.State;
        var model = new InsuranceFundModel
        {
            Version = LedgerSnapshotParts.Version,
            Asset = o.Asset.Value,
            Quantum = o.Quantum,
            Floor = o.Floor,
            Cap = o.Cap,
            NextSequence = fund.NextSequence,
            Balance = balance,
            Covered = LedgerSnapshotParts.ToText(covered),
            Withdrawn = LedgerSnapshotParts.ToText(withdrawn),
            Inflows = [.. inflows.Select(LedgerSnapshotParts.ToText)],
            Operations = LedgerSnapshotParts.Export(fund.Operations),
        };
        return JsonSerializer.Serialize(model, LedgerJsonContext.Default.InsuranceFundModel);
    }

    public static InsuranceFund Read(string json, TimeProvider? timeProvider)
    {
        var model = LedgerSnapshotParts.ReadJson(json, LedgerJsonContext.Default.InsuranceFundModel, "Insurance fund snapshot");
        LedgerSnapshotParts.CheckVersion(model.Version, "Insurance fund");
        InsuranceFund fund;
        try
        {
            fund = new InsuranceFund(new InsuranceFundOptions { Asset = new AssetId(model.Asset), Quantum = model.Quantum, Floor = model.Floor, Cap = model.Cap }, timeProvider);
        }
        catch (ArgumentException ex)
        {
            throw new LedgerIntegrityException("Insurance fund snapshot has invalid options.", ex);
        }

        var inflows = new Int128[model.Inflows.Count];
        for (var i = 0; i < inflows.Length; i++)
        {
            inflows[i] = LedgerSnapshotParts.ParseInt128(model.Inflows[i], "inflows");
        }

        fund.LoadState(
            model.NextSequence,
            model.Operations,
            model.Balance,
            LedgerSnapshotParts.ParseInt128(model.Covered, "covered"),
            LedgerSnapshotParts.ParseInt128(model.Withdrawn, "withdrawn"),
            inflows);
        return fund;
    }

    /// <summary>The JSON document.</summary>
    internal sealed class InsuranceFundModel
    {
        public int Version { get; set; }

        public int Asset { get; set; }

        public decimal Quantum { get; set; }

        public decimal Floor { get; set; }

        public decimal Cap { get; set; }

        public long NextSequence { get; set; }

        public long Balance { get; set; }

        public string? Covered { get; set; }

        public string? Withdrawn { get; set; }

        public List<string> Inflows { get; set; } = [];

        public List<LedgerSnapshotParts.OperationRecord> Operations { get; set; } = [];
    }
}
