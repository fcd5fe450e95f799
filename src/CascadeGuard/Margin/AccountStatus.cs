namespace CascadeGuard.Margin;

/// <summary>The margin status of an account. Ordered by severity.</summary>
public enum AccountStatus : byte
{
    /// <summary>Health factor at or above 1 + the at-risk band, or no debt.</summary>
    Healthy = 0,

    /// <summary>Health factor above 1 but below 1 + the at-risk band.</summary>
    AtRisk = 1,

    /// <summary>Health factor at or below 1: the account may be liquidated.</summary>
    Liquidatable = 2,

    /// <summary>Collateral value below debt value: liquidating everything cannot repay the debt.</summary>
    Insolvent = 3,
}
