namespace CascadeGuard.Ledgers.Waterfall;

/// <summary>The steps of the loss waterfall, in the order they absorb a shortfall.</summary>
public enum WaterfallStep
{
    /// <summary>The account's own remaining collateral.</summary>
    AccountCollateral = 0,

    /// <summary>The account's liquidation penalty, waived.</summary>
    Penalty = 1,

    /// <summary>The insurance fund, down to its floor.</summary>
    InsuranceFund = 2,

    /// <summary>The buffer pools.</summary>
    BufferPools = 3,

    /// <summary>Auto-deleveraging of opposite positions.</summary>
    AutoDeleveraging = 4,

    /// <summary>Socialization across lenders.</summary>
    Socialization = 5,

    /// <summary>Nothing absorbed it: the platform's recorded bad debt.</summary>
    Unabsorbed = 6,
}
