using System.Text.Json;
using CascadeGuard.Ledgers.BufferPools;
using CascadeGuard.Ledgers.Insurance;

namespace CascadeGuard.Ledgers.Waterfall;

/// <summary>
/// The versioned JSON form of a <see cref="LossWaterfall"/>: its options and the record of every operation (from which
/// the totals and the idempotency index are rebuilt and re-checked against the fund and pools).
/// </summary>
internal static class LossWaterfallSnapshot
{
    public static string Write(LossWaterfall waterfall)
    {
        var o = waterfall.OptionsCopy;
        var model = new LossWaterfallModel
        {
            Version = LedgerSnapshotParts.Version,
            FinalPolicy = o.FinalPolicy,
            PenaltyInsuranceShare = o.PenaltyInsuranceShare,
            PenaltyPoolShare = o.PenaltyPoolShare,
            NextSequence = waterfall.NextSequence,
            Records = [.. waterfall.Records],
        };
        return JsonSerializer.Serialize(model, LedgerJsonContext.Default.LossWaterfallModel);
    }

    public static LossWaterfall Read(string json, InsuranceFund fund, BufferPoolSet pools, TimeProvider? timeProvider)
    {
        var model = LedgerSnapshotParts.ReadJson(json, LedgerJsonContext.Default.LossWaterfallModel, "Loss waterfall snapshot");
        LedgerSnapshotParts.CheckVersion(model.Version, "Loss waterfall");
        LossWaterfall waterfall;
        try
        {
            var options = new LossWaterfallOptions { FinalPolicy = model.FinalPolicy, PenaltyInsuranceShare = model.PenaltyInsuranceShare, PenaltyPoolShare = model.PenaltyPoolShare };
            waterfall = new LossWaterfall(options, fund, pools, timeProvider);
        }
        catch (ArgumentException ex)
        {
            throw new LedgerIntegrityException("Loss waterfall snapshot has invalid options.", ex);
        }

        waterfall.LoadRecords(model.NextSequence, model.Records);
        return waterfall;
    }

    /// <summary>The JSON document.</summary>
    internal sealed class LossWaterfallModel
    {
        public int Version { get; set; }

        public FinalLossPolicy FinalPolicy { get; set; }

        public decimal PenaltyInsuranceShare { get; set; }

        public decimal PenaltyPoolShare { get; set; }

        public long NextSequence { get; set; }

        public List<LossWaterfallEvent> Records { get; set; } = [];
    }
}
