namespace CascadeGuard.Scheduling;

/// <summary>What a liquidation job must achieve.</summary>
public enum LiquidationTarget
{
    /// <summary>Sell a quantity of collateral (base units); fills reduce it by their quantity.</summary>
    Quantity = 0,

    /// <summary>Raise proceeds to cover a debt (unit of account); fills reduce it by quantity × price.</summary>
    Proceeds = 1,
}
