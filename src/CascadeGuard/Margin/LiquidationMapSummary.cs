namespace CascadeGuard.Margin;

/// <summary>The parts of a liquidation map outside its buckets, and its totals.</summary>
/// <param name="CurrentPrice">The asset's price the map starts from.</param>
/// <param name="LiquidatableNow">Accounts already liquidatable at the current price through this asset (liquidation price at or above it).</param>
/// <param name="Beyond">Accounts whose liquidation price lies at or below the map's lowest price.</param>
/// <param name="Unreachable">Accounts with debt that no fall of this asset's price can make liquidatable.</param>
public readonly record struct LiquidationMapSummary(
    double CurrentPrice,
    LiquidationMapBucket LiquidatableNow,
    LiquidationMapBucket Beyond,
    int Unreachable);
