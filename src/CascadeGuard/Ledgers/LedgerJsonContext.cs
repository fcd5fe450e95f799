using System.Text.Json.Serialization;
using CascadeGuard.Ledgers.BufferPools;

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
internal sealed partial class LedgerJsonContext : JsonSerializerContext
{
}
