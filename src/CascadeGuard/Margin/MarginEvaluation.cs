namespace CascadeGuard.Margin;

/// <summary>The margin figures of one account at given prices. All values are in the unit of account.</summary>
/// <param name="CollateralValue">Σ quantity × price over collateral positions.</param>
/// <param name="RiskAdjustedCollateral">Σ (value − maintenance requirement) over collateral positions; Σ value × threshold without size schedules.</param>
/// <param name="DebtValue">Σ amount × price over debts.</param>
/// <param name="HealthFactor">Risk-adjusted collateral ÷ debt value; +∞ with no debt.</param>
/// <param name="MaintenanceRequirement">Σ maintenance requirement over collateral positions (collateral value − risk-adjusted collateral).</param>
/// <param name="MarginRatio">Maintenance requirement ÷ equity (collateral − debt), the exchange convention: ≥ 1 means liquidatable; +∞ when equity ≤ 0 with a requirement.</param>
/// <param name="Status">The status the health factor gives.</param>
public readonly record struct MarginEvaluation(
    double CollateralValue,
    double RiskAdjustedCollateral,
    double DebtValue,
    double HealthFactor,
    double MaintenanceRequirement,
    double MarginRatio,
    AccountStatus Status);
