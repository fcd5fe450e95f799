using System.Buffers;
using CascadeGuard.Primitives;

namespace CascadeGuard.Margin;

/// <summary>
/// Margin evaluation of single accounts: health, liquidation prices and the minimal liquidation that restores health.
/// Pure: no I/O, no clock, no state. Prices are a span indexed by <see cref="AssetId.Value"/>, in the unit of account.
/// </summary>
/// <remarks>
/// Bad input (unknown assets, non-finite or negative amounts, non-finite or non-positive prices, repeated collateral
/// assets) throws <see cref="ArgumentException"/> naming the field. Thread-safe. See docs/margin.md for every formula.
/// </remarks>
public static class MarginCalculator
{
    /// <summary>The default width of the at-risk band above a health factor of 1: 0.05.</summary>
    public const double DefaultAtRiskBand = 0.05;

    // Up to this many positions the solvers work on stack copies; beyond, on pooled arrays.
    private const int StackPositions = 32;

    /// <summary>Evaluates one account's margin at the given prices.</summary>
    /// <param name="collateral">The account's collateral holdings, at most one per asset.</param>
    /// <param name="debts">The account's debts.</param>
    /// <param name="prices">Price of every asset, indexed by asset id.</param>
    /// <param name="table">The platform's risk parameters.</param>
    /// <param name="atRiskBand">Width of the at-risk band: health factors in (1, 1 + band) are at risk. Finite, zero or positive.</param>
    /// <returns>The account's figures and status.</returns>
    /// <exception cref="ArgumentException">An input is invalid; the message names it.</exception>
    public static MarginEvaluation Evaluate(
        ReadOnlySpan<CollateralPosition> collateral,
        ReadOnlySpan<DebtPosition> debts,
        ReadOnlySpan<double> prices,
        RiskParameterTable table,
        double atRiskBand = DefaultAtRiskBand)
    {
        Guard.NotNull(table);
        Guard.FiniteNonNegative(atRiskBand);
        AccountTotals.Validate(collateral, debts, prices, table);
        return AccountTotals.Of(collateral, debts, prices, table).ToEvaluation(1.0 + atRiskBand);
    }

    /// <summary>
    /// The price of <paramref name="asset"/> at which the account becomes liquidatable, all other prices held.
    /// </summary>
    /// <param name="collateral">The account's collateral holdings.</param>
    /// <param name="debts">The account's debts.</param>
    /// <param name="prices">Price of every asset; the entry of <paramref name="asset"/> is ignored.</param>
    /// <param name="table">The platform's risk parameters.</param>
    /// <param name="asset">The asset whose price moves.</param>
    /// <returns>The trigger below (a fall) and above (a rise, when the asset is also owed).</returns>
    /// <exception cref="ArgumentException">An input is invalid; the message names it.</exception>
    public static LiquidationPrice LiquidationPrice(
        ReadOnlySpan<CollateralPosition> collateral,
        ReadOnlySpan<DebtPosition> debts,
        ReadOnlySpan<double> prices,
        RiskParameterTable table,
        AssetId asset)
    {
        Guard.NotNull(table);
        table.CheckAsset(asset);
        AccountTotals.Validate(collateral, debts, prices, table);

        double held = 0, owed = 0, otherRiskAdjusted = 0, otherDebt = 0;
        foreach (var p in collateral)
        {
            if (p.Asset == asset)
            {
                held = p.Quantity;
            }
            else
            {
                otherRiskAdjusted += table.RiskAdjustedValue(p.Asset.Value, p.Quantity * prices[p.Asset.Value]);
            }
        }

        foreach (var d in debts)
        {
            if (d.Asset == asset)
            {
                owed += d.Amount;
            }
            else
            {
                otherDebt += d.Amount * prices[d.Asset.Value];
            }
        }

        return LiquidationPriceSolver.Solve(table[asset], held, owed, otherRiskAdjusted, otherDebt, prices[asset.Value]);
    }

    /// <summary>
    /// The smallest sale of one collateral, with repayment of one debt out of its proceeds, that brings the account's
    /// health factor to the target, within the close factor and the dust rule.
    /// </summary>
    /// <remarks>
    /// Selling <c>q</c> units at the oracle price less the slippage raises <c>q·p·(1 − s)</c>, which repays <c>r</c> units of
    /// debt and pays the penalty on them: <c>q·p·(1 − s) = r·p_debt·(1 + penalty)</c>. The smallest such <c>r</c> with
    /// health ≥ target is found to the last representable double. The dust rule overrides the close factor (a partial
    /// repayment that would leave less than <see cref="MinimalLiquidationRequest.MinimumDebtRemainder"/> becomes a full one),
    /// as on lending platforms that forbid dust positions.
    /// </remarks>
    /// <param name="collateral">The account's collateral holdings.</param>
    /// <param name="debts">The account's debts.</param>
    /// <param name="prices">Price of every asset, indexed by asset id.</param>
    /// <param name="table">The platform's risk parameters; the collateral asset must have parameters (its penalty applies).</param>
    /// <param name="request">What may be sold and repaid, and the target.</param>
    /// <returns>The amounts and outcome.</returns>
    /// <exception cref="ArgumentException">An input is invalid; the message names it.</exception>
    public static MinimalLiquidation MinimalLiquidation(
        ReadOnlySpan<CollateralPosition> collateral,
        ReadOnlySpan<DebtPosition> debts,
        ReadOnlySpan<double> prices,
        RiskParameterTable table,
        in MinimalLiquidationRequest request)
    {
        Guard.NotNull(table);
        ValidateRequest(table, request);
        AccountTotals.Validate(collateral, debts, prices, table);

        CollateralPosition[]? rentedCollateral = null;
        DebtPosition[]? rentedDebts = null;
        var collateralCopy = collateral.Length <= StackPositions
            ? stackalloc CollateralPosition[StackPositions]
            : rentedCollateral = ArrayPool<CollateralPosition>.Shared.Rent(collateral.Length);
        var debtCopy = debts.Length <= StackPositions
            ? stackalloc DebtPosition[StackPositions]
            : rentedDebts = ArrayPool<DebtPosition>.Shared.Rent(debts.Length);
        try
        {
            collateral.CopyTo(collateralCopy);
            debts.CopyTo(debtCopy);
            var solver = new MinimalLiquidationSolver(
                collateralCopy[..collateral.Length],
                debtCopy[..debts.Length],
                prices,
                table,
                request);
            return solver.Solve();
        }
        finally
        {
            if (rentedCollateral is not null)
            {
                ArrayPool<CollateralPosition>.Shared.Return(rentedCollateral);
            }

            if (rentedDebts is not null)
            {
                ArrayPool<DebtPosition>.Shared.Return(rentedDebts);
            }
        }
    }

    private static void ValidateRequest(RiskParameterTable table, in MinimalLiquidationRequest request)
    {
        table.CheckAsset(request.CollateralAsset, "request.CollateralAsset");
        table.CheckAsset(request.DebtAsset, "request.DebtAsset");
        if (table[request.CollateralAsset] is null)
        {
            Guard.Throw("request.CollateralAsset", request.CollateralAsset.Value, "must be an asset with risk parameters (its penalty applies)");
        }

        if (!double.IsFinite(request.TargetHealthFactor) || request.TargetHealthFactor <= 1.0)
        {
            Guard.Throw("request.TargetHealthFactor", request.TargetHealthFactor, "must be finite and above 1");
        }

        Guard.InRange(request.Slippage, 0.0, Math.BitDecrement(1.0), "request.Slippage");
        Guard.InHalfOpenRange(request.CloseFactor, 0.0, 1.0, "request.CloseFactor");
        Guard.FiniteNonNegative(request.MinimumDebtRemainder, "request.MinimumDebtRemainder");
    }
}
