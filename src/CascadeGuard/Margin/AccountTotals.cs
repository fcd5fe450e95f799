using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using CascadeGuard.Primitives;

namespace CascadeGuard.Margin;

/// <summary>
/// The sums one evaluation needs, accumulated in one fixed order (positions in the order given) so that every caller
/// that evaluates the same account gets the same bits.
/// </summary>
internal readonly record struct AccountTotals(double Collateral, double RiskAdjusted, double Requirement, double Debt)
{
    public static AccountTotals Of(
        ReadOnlySpan<CollateralPosition> collateral,
        ReadOnlySpan<DebtPosition> debts,
        ReadOnlySpan<double> prices,
        RiskParameterTable table)
    {
        double c = 0, r = 0, m = 0, d = 0;
        foreach (var position in collateral)
        {
            var asset = position.Asset.Value;
            var value = position.Quantity * prices[asset];
            c += value;
            r += table.RiskAdjustedValue(asset, value);
            m += table.MaintenanceRequirement(asset, value);
        }

        foreach (var debt in debts)
        {
            d += debt.Amount * prices[debt.Asset.Value];
        }

        return new AccountTotals(c, r, m, d);
    }

    public double HealthFactor => Debt > 0 ? RiskAdjusted / Debt : double.PositiveInfinity;

    public MarginEvaluation ToEvaluation(double atRiskLimit)
    {
        var hf = HealthFactor;
        var equity = Collateral - Debt;
        var ratio = Requirement == 0 ? 0.0 : equity > 0 ? Requirement / equity : double.PositiveInfinity;
        return new MarginEvaluation(Collateral, RiskAdjusted, Debt, hf, Requirement, ratio, Classify(Collateral, Debt, hf, atRiskLimit));
    }

    /// <summary>The one classification rule, shared by the single-account and batch paths.</summary>
    public static AccountStatus Classify(double collateral, double debt, double healthFactor, double atRiskLimit)
    {
        if (!(debt > 0))
        {
            return AccountStatus.Healthy;
        }

        if (collateral < debt)
        {
            return AccountStatus.Insolvent;
        }

        if (healthFactor <= 1.0)
        {
            return AccountStatus.Liquidatable;
        }

        return healthFactor < atRiskLimit ? AccountStatus.AtRisk : AccountStatus.Healthy;
    }

    /// <summary>
    /// <see cref="Classify"/> without branches, for the batch loop where statuses are unpredictable. Each comparison adds
    /// one level of severity: an insolvent account (collateral &lt; debt) always has a health factor ≤ 1, because the
    /// risk-adjusted collateral never exceeds the collateral; a liquidatable one is always inside the at-risk band; and a
    /// debt-free account has an infinite health factor and is below none of the limits.
    /// </summary>
    public static AccountStatus ClassifyBranchless(double collateral, double debt, double healthFactor, double atRiskLimit)
    {
        var insolvent = collateral < debt;
        var liquidatable = healthFactor <= 1.0;
        var atRisk = liquidatable | (healthFactor < atRiskLimit);

        // bool → byte by reinterpretation: the JIT turns `b ? 1 : 0` into a branch here, which mispredicts on mixed books.
        var severity = Unsafe.As<bool, byte>(ref insolvent) + Unsafe.As<bool, byte>(ref liquidatable) + Unsafe.As<bool, byte>(ref atRisk);
        Debug.Assert((AccountStatus)severity == Classify(collateral, debt, healthFactor, atRiskLimit), "branchless classification must agree");
        return (AccountStatus)severity;
    }

    /// <summary>
    /// Checks one account's positions against the table and prices: known assets, finite non-negative amounts, at most one
    /// collateral position and one debt per asset (the size schedule applies to the whole holding), and a finite positive price for
    /// every asset used.
    /// </summary>
    public static void Validate(
        ReadOnlySpan<CollateralPosition> collateral,
        ReadOnlySpan<DebtPosition> debts,
        ReadOnlySpan<double> prices,
        RiskParameterTable table)
    {
        for (var i = 0; i < collateral.Length; i++)
        {
            var p = collateral[i];
            CheckAsset(p.Asset, prices, table, "collateral", i);
            if (!double.IsFinite(p.Quantity) || p.Quantity < 0)
            {
                Guard.Throw(Field("collateral", i, nameof(CollateralPosition.Quantity)), p.Quantity, "must be finite and zero or positive");
            }

            for (var j = 0; j < i; j++)
            {
                if (collateral[j].Asset == p.Asset)
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"collateral[{i}] repeats {p.Asset} of collateral[{j}]; merge the holdings."),
                        nameof(collateral));
                }
            }
        }

        for (var i = 0; i < debts.Length; i++)
        {
            var p = debts[i];
            CheckAsset(p.Asset, prices, table, "debts", i);
            if (!double.IsFinite(p.Amount) || p.Amount < 0)
            {
                Guard.Throw(Field("debts", i, nameof(DebtPosition.Amount)), p.Amount, "must be finite and zero or positive");
            }

            for (var j = 0; j < i; j++)
            {
                if (debts[j].Asset == p.Asset)
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"debts[{i}] repeats {p.Asset} of debts[{j}]; merge the debts."),
                        nameof(debts));
                }
            }
        }
    }

    private static void CheckAsset(AssetId asset, ReadOnlySpan<double> prices, RiskParameterTable table, string list, int index)
    {
        var a = asset.Value;
        if (a >= table.AssetCount)
        {
            Guard.Throw(Field(list, index, "Asset"), a, string.Create(CultureInfo.InvariantCulture, $"must name an asset of the table (0..{table.AssetCount - 1})"));
        }

        if (a >= prices.Length)
        {
            Guard.Throw(Field(list, index, "Asset"), a, string.Create(CultureInfo.InvariantCulture, $"has no price ('prices' has {prices.Length} entries)"));
        }

        var price = prices[a];
        if (!double.IsFinite(price) || price <= 0)
        {
            Guard.Throw(string.Create(CultureInfo.InvariantCulture, $"prices[{a}]"), price, "must be finite and positive");
        }
    }

    private static string Field(string list, int index, string field) =>
        string.Create(CultureInfo.InvariantCulture, $"{list}[{index}].{field}");
}
