using System.Text.Json.Serialization;
using CascadeGuard.Ledgers.BufferPools;
using CascadeGuard.Ledgers.Insurance;
using CascadeGuard.Ledgers.Waterfall;

namespace CascadeGuard.Ledgers;

/// <summary>Source-generated JSON for every ledger snapshot and journal in this folder (no reflection; AOT-safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    Converters = [
        typeof(LedgerJsonConverters.OperationIdConverter),
        typeof(LedgerJsonConverters.AccountIdConverter),
        typeof(LedgerJsonConverters.AssetIdConverter),
        typeof(LedgerJsonConverters.MarketIdConverter)])]
[JsonSerializable(typeof(BufferPoolSnapshot.BufferPoolModel))]
[JsonSerializable(typeof(List<BufferPoolEvent>))]
[JsonSerializable(typeof(BufferPoolSetSnapshot.BufferPoolSetModel))]
[JsonSerializable(typeof(List<BufferPoolSetEvent>))]
[JsonSerializable(typeof(InsuranceFundSnapshot.InsuranceFundModel))]
[JsonSerializable(typeof(List<InsuranceFundEvent>))]
[JsonSerializable(typeof(LossWaterfallSnapshot.LossWaterfallModel))]
[JsonSerializable(typeof(List<LossWaterfallEvent>))]
internal sealed partial class LedgerJsonContext : JsonSerializerContext
{
}
