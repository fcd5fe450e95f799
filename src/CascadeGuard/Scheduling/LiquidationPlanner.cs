using CascadeGuard.Margin;
using CascadeGuard.Primitives;

namespace CascadeGuard.Scheduling;

/// <summary>
/// Decides the route of a liquidation: only what restores the target health is sold into the market (the minimal
/// liquidation, with its close factor and dust rule); an account that cannot be restored, or whose sale would be below the
/// market's minimum order, goes to an auction of its whole holding of the collateral. Pure and thread-safe.
/// </summary>
public static class LiquidationPlanner
{
    /// <summary>Plans one account's liquidation.</summary>
    /// <param name="collateral">The account's collateral.</param>
    /// <param name="debts">The account's debts.</param>
    /// <param name="prices">Prices by asset id.</param>
    /// <param name="table">Risk parameters.</param>
    /// <param name="target">Which collateral and debt, the target health, slippage, close factor and dust rule.</param>
    /// <param name="account">The account.</param>
    /// <param name="market">The market the collateral would be sold in.</param>
    /// <param name="minimumOrder">The market's minimum order, in units of the collateral; finite, positive.</param>
    /// <returns>The plan.</returns>
    /// <exception cref="ArgumentException">An input is invalid (see <see cref="MarginCalculator.MinimalLiquidation"/>).</exception>
    public static LiquidationPlan Plan(
        ReadOnlySpan<CollateralPosition> collateral,
        ReadOnlySpan<DebtPosition> debts,
        ReadOnlySpan<double> prices,
        RiskParameterTable table,
        in MinimalLiquidationRequest target,
        AccountId account,
        MarketId market,
        double minimumOrder)
    {
        Guard.FinitePositive(minimumOrder);
        var liquidation = MarginCalculator.MinimalLiquidation(collateral, debts, prices, table, target);
        switch (liquidation.Outcome)
        {
            case LiquidationOutcome.NotRequired:
                return new LiquidationPlan(LiquidationRoute.None, liquidation, default, 0, 0);
            case LiquidationOutcome.CannotRestore:
                break;
            default:
                if (liquidation.CollateralToSell >= minimumOrder)
                {
                    var request = new LiquidationRequest(account, market, LiquidationTarget.Quantity, liquidation.CollateralToSell, HealthBefore(collateral, debts, prices, table));
                    return new LiquidationPlan(LiquidationRoute.Market, liquidation, request, 0, 0);
                }

                break;
        }

        double lot = 0, owed = 0;
        foreach (var c in collateral)
        {
            if (c.Asset == target.CollateralAsset)
            {
                lot = c.Quantity;
            }
        }

        foreach (var d in debts)
        {
            if (d.Asset == target.DebtAsset)
            {
                owed = d.Amount;
            }
        }

        if (lot <= 0 || owed <= 0)
        {
            // Nothing of that collateral to auction, or nothing of that debt to raise: there is no auction to start.
            return new LiquidationPlan(LiquidationRoute.None, liquidation, default, 0, 0);
        }

        var penalty = table[target.CollateralAsset]!.LiquidationPenalty;
        return new LiquidationPlan(LiquidationRoute.Auction, liquidation, default, lot, owed * prices[target.DebtAsset.Value] * (1 + penalty));
    }

    private static double HealthBefore(ReadOnlySpan<CollateralPosition> collateral, ReadOnlySpan<DebtPosition> debts, ReadOnlySpan<double> prices, RiskParameterTable table) =>
        MarginCalculator.Evaluate(collateral, debts, prices, table).HealthFactor;
}
