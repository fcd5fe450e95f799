namespace CascadeGuard.Margin;

/// <summary>The result of <see cref="MarginCalculator.MinimalLiquidation"/>.</summary>
/// <param name="Outcome">What was concluded.</param>
/// <param name="CollateralToSell">Units of the collateral asset to sell.</param>
/// <param name="DebtToRepay">Units of the debt asset to repay out of the proceeds.</param>
/// <param name="PenaltyValue">The liquidation penalty the account pays, in the unit of account (debt repaid × penalty).</param>
/// <param name="HealthFactorAfter">The account's health factor once the sale settles at the assumed slippage.</param>
public readonly record struct MinimalLiquidation(
    LiquidationOutcome Outcome,
    double CollateralToSell,
    double DebtToRepay,
    double PenaltyValue,
    double HealthFactorAfter);
