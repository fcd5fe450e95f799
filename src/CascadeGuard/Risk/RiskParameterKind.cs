namespace CascadeGuard.Risk;

/// <summary>The risk parameters <see cref="AdaptiveRiskParameters"/> adapts.</summary>
public enum RiskParameterKind
{
    /// <summary>
    /// Fraction of collateral value counted toward solvency (Aave's liquidation threshold; a maintenance-margin
    /// platform maps it as maintenance rate = 1 − threshold). Lower is more conservative.
    /// </summary>
    LiquidationThreshold = 0,

    /// <summary>Liquidation penalty (bonus to the liquidator or buffer) as a fraction of the debt repaid.</summary>
    LiquidationPenalty = 1,

    /// <summary>Fraction of a market's depth or volume that liquidation sales may take per throttle interval.</summary>
    ThrottleParticipation = 2,

    /// <summary>Largest slippage a liquidation sale may accept, as a fraction of the reference price.</summary>
    SlippageBound = 3,
}
