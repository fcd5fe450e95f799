using CascadeGuard.Margin;
using CascadeGuard.Primitives;

namespace CascadeGuard.Simulation.Accounts;

/// <summary>
/// The lending protocol's rules for the collateral asset. Defaults: Aave v3 Ethereum-market WETH, rounded (LTV 80.5 %,
/// liquidation threshold 83 %, bonus 5 %), as in the sample book of <c>cascadeguard map</c>; close factor 50 % (Aave v2/v3
/// and Compound v2).
/// </summary>
internal sealed record ProtocolParameters
{
    public double LoanToValue { get; init; } = 0.805;

    public double LiquidationThreshold { get; init; } = 0.83;

    /// <summary>Penalty (liquidation bonus) per unit of debt repaid, paid from the borrower's collateral to the keeper.</summary>
    public double LiquidationPenalty { get; init; } = 0.05;

    /// <summary>The most of an account's debt one liquidation may repay under the <c>close-factor</c> policy.</summary>
    public double CloseFactor { get; init; } = 0.5;

    /// <summary>The collateral's parameters as the library's margin code takes them (validates the library's rules).</summary>
    public AssetRiskParameters RiskParameters => new(LoanToValue, LiquidationThreshold, LiquidationPenalty);

    public ProtocolParameters Validate()
    {
        _ = RiskParameters;
        Guard.InHalfOpenRange(CloseFactor, 0, 1, nameof(CloseFactor));
        return this;
    }
}
