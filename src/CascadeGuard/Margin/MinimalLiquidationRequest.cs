using CascadeGuard.Primitives;

namespace CascadeGuard.Margin;

/// <summary>What a minimal liquidation may sell and repay, and the health it must restore.</summary>
/// <param name="CollateralAsset">The collateral to sell.</param>
/// <param name="DebtAsset">The debt to repay.</param>
/// <param name="TargetHealthFactor">The health factor to restore; finite and above 1 (for example 1.05).</param>
/// <param name="Slippage">Fraction below the oracle price at which the collateral is expected to sell, in [0, 1).</param>
/// <param name="CloseFactor">Largest fraction of the debt that one liquidation may repay, in (0, 1].</param>
/// <param name="MinimumDebtRemainder">Smallest debt (in units of the debt asset) a partial liquidation may leave; a smaller
/// remainder is repaid in full. Zero or positive.</param>
public readonly record struct MinimalLiquidationRequest(
    AssetId CollateralAsset,
    AssetId DebtAsset,
    double TargetHealthFactor = 1.05,
    double Slippage = 0.0,
    double CloseFactor = 1.0,
    double MinimumDebtRemainder = 0.0);
