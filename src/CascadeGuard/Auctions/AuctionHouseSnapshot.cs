using System.Text.Json.Serialization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Auctions;

/// <summary>The versioned JSON form of a <see cref="DutchAuctionHouse"/> (settings included, so a restore answers the same).</summary>
internal sealed record AuctionHouseSnapshot(
    int Version,
    AuctionOptionsSnapshot Options,
    long NextId,
    AuctionStopLevel StopLevel,
    long Starts,
    long Takes,
    long Resets,
    IReadOnlyList<AuctionSnapshot> Auctions,
    IReadOnlyList<AssetTotalsSnapshot> Assets) : IVersionedSnapshot;

internal sealed record AuctionOptionsSnapshot(
    AuctionCurveKind CurveKind,
    TimeSpan CurvePeriod,
    double CurveCut,
    decimal StartBuffer,
    decimal FloorFraction,
    TimeSpan MaxDuration,
    decimal ResetPriceFraction,
    decimal MinimumDebt,
    decimal IncentiveFlat,
    decimal IncentiveRate,
    decimal MaxDebtInAuction,
    IReadOnlyList<AssetLimitSnapshot> AssetDebtLimits,
    int QuantityDecimals,
    int PriceDecimals,
    int MoneyDecimals);

internal sealed record AssetLimitSnapshot(int Asset, decimal Limit);

internal sealed record AuctionSnapshot(
    long Id,
    int Owner,
    int Asset,
    decimal Lot,
    decimal Debt,
    decimal StartPrice,
    decimal FloorPrice,
    decimal ReferencePrice,
    DateTimeOffset StartedAt,
    int Resets);

internal sealed record AssetTotalsSnapshot(int Asset, AuctionAssetTotals Totals);

/// <summary>Source-generated (reflection-free, AOT-safe) serializer for the snapshot.</summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true, RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true)]
[JsonSerializable(typeof(AuctionHouseSnapshot))]
internal sealed partial class AuctionJsonContext : JsonSerializerContext;
