using CascadeGuard.Margin;
using CascadeGuard.Primitives;
using CsCheck;

namespace CascadeGuard.Tests.Support;

/// <summary>Generators of risk tables, prices and accounts for property tests.</summary>
internal static class RandomBooks
{
    public const int AssetCount = 5;

    /// <summary>Five assets: 0–2 collateral (asset 2 with a size schedule when <paramref name="withSchedules"/>), 3–4 debt only.</summary>
    public static RiskParameterTable Table(bool withSchedules) => new(
    [
        new AssetRiskParameters(0.80, 0.85, 0.05),
        new AssetRiskParameters(0.65, 0.70, 0.10),
        withSchedules
            ? new AssetRiskParameters(0.70, 0.75, 0.08, TieredMaintenanceSchedule.FromRates([0, 5_000, 50_000], [0.25, 0.3, 0.5]))
            : new AssetRiskParameters(0.70, 0.75, 0.08),
        null,
        null,
    ]);

    public static readonly Gen<double[]> Prices = Gen.Double[0.5, 5000].Array[AssetCount];

    /// <summary>Collateral in up to 3 distinct assets (of 0..3), debts in up to 2 distinct assets (of 0..4).</summary>
    public static readonly Gen<(CollateralPosition[] Collateral, DebtPosition[] Debts)> Account =
        Gen.Select(Gen.Int[0, 15], Gen.Double[0, 100].Array[4], Gen.Int[0, 31], Gen.Double[0, 50_000].Array[5])
            .Select((collateralMask, quantities, debtMask, amounts) =>
            {
                var collateral = new List<CollateralPosition>();
                for (var a = 0; a < 4 && collateral.Count < 3; a++)
                {
                    if ((collateralMask & (1 << a)) != 0)
                    {
                        collateral.Add(new CollateralPosition(new AssetId(a), quantities[a]));
                    }
                }

                var debts = new List<DebtPosition>();
                for (var a = 0; a < 5 && debts.Count < 2; a++)
                {
                    if ((debtMask & (1 << a)) != 0)
                    {
                        debts.Add(new DebtPosition(new AssetId(a), amounts[a] / 1000.0 * (a >= 3 ? 1000.0 : 1.0)));
                    }
                }

                return (collateral.ToArray(), debts.ToArray());
            });

    /// <summary>
    /// An account and prices together, with debts sized so that the health factor is near a drawn target (by default in [0.5, 2.5]
    /// (so liquidatable, at-risk and healthy accounts all occur)); debts are in asset 3 and sometimes also asset 4 or 0.
    /// </summary>
    public static Gen<(CollateralPosition[] Collateral, DebtPosition[] Debts, double[] Prices)> AccountNearHealth(
        RiskParameterTable table, double minHealth = 0.5, double maxHealth = 2.5) =>
        Gen.Select(Account, Prices, Gen.Double[minHealth, maxHealth], Gen.Double[0, 1], Gen.Int[0, 2])
            .Select((account, prices, health, split, shape) =>
            {
                var collateral = account.Collateral;
                var riskAdjusted = MarginCalculator.Evaluate(collateral, [], prices, table).RiskAdjustedCollateral;
                var debtValue = Math.Max(riskAdjusted, 1.0) / health;
                DebtPosition[] debts = shape switch
                {
                    0 => [new(new AssetId(3), debtValue / prices[3])],
                    1 => [new(new AssetId(3), split * debtValue / prices[3]), new(new AssetId(4), (1 - split) * debtValue / prices[4])],
                    _ => [new(new AssetId(3), split * debtValue / prices[3]), new(new AssetId(0), (1 - split) * debtValue / prices[0])],
                };
                return (collateral, debts, prices);
            });

    public static AccountBook ToBook((CollateralPosition[] Collateral, DebtPosition[] Debts)[] accounts)
    {
        var book = new AccountBook(AssetCount, collateralSlots: 3, debtSlots: 2, initialCapacity: 4);
        foreach (var (collateral, debts) in accounts)
        {
            var id = book.Add();
            foreach (var c in collateral)
            {
                book.SetCollateral(id, c.Asset, c.Quantity);
            }

            foreach (var d in debts)
            {
                book.SetDebt(id, d.Asset, d.Amount);
            }
        }

        return book;
    }

    public static (CollateralPosition[] Collateral, DebtPosition[] Debts) Read(AccountBook book, AccountId id)
    {
        var collateral = new CollateralPosition[book.CollateralSlots];
        var debts = new DebtPosition[book.DebtSlots];
        var n = book.CopyCollateral(id, collateral);
        var m = book.CopyDebts(id, debts);
        return (collateral[..n], debts[..m]);
    }
}
