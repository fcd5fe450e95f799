using CascadeGuard.Margin;
using CascadeGuard.Primitives;

namespace CascadeGuard.Benchmarks.Margin;

/// <summary>A seeded book of accounts with three collateral positions and one debt each (four positions).</summary>
internal static class SyntheticBook
{
    public const int Assets = 8;

    public static readonly double[] Prices = [3000, 60000, 15, 1, 1, 120, 0.5, 250];

    public static RiskParameterTable Table() => new(
    [
        new AssetRiskParameters(0.80, 0.83, 0.05),
        new AssetRiskParameters(0.73, 0.78, 0.05),
        new AssetRiskParameters(0.53, 0.68, 0.07),
        new AssetRiskParameters(0.75, 0.78, 0.045),
        null,
        new AssetRiskParameters(0.60, 0.70, 0.08),
        new AssetRiskParameters(0.40, 0.55, 0.10),
        new AssetRiskParameters(0.65, 0.72, 0.06),
    ]);

    public static AccountBook Create(int accounts, int seed = 42)
    {
        var random = new Random(seed);
        var book = new AccountBook(Assets, collateralSlots: 3, debtSlots: 1, initialCapacity: accounts);
        for (var i = 0; i < accounts; i++)
        {
            var id = book.Add();
            var first = random.Next(Assets);
            for (var s = 0; s < 3; s++)
            {
                var asset = (first + (s * 3)) % Assets;
                if (asset == 4)
                {
                    asset = 3;
                }

                book.SetCollateral(id, new AssetId(asset), (1 + (random.NextDouble() * 10)) * 1000 / Prices[asset]);
            }

            book.SetDebt(id, new AssetId(4), 5000 + (random.NextDouble() * 20000));
        }

        return book;
    }
}
