using CascadeGuard.Margin;
using CascadeGuard.Primitives;
using CascadeGuard.Tool.Books;

namespace CascadeGuard.Tool.Map;

/// <summary>Everything <c>cascadeguard map</c> prints, computed before anything is printed.</summary>
internal sealed record MapReport(
    string Source,
    string Asset,
    double CurrentPrice,
    double LowestPrice,
    int AccountCount,
    double TotalDebt,
    LiquidationMapBucket[] Buckets,
    LiquidationMapSummary Summary,
    IReadOnlyList<HealthBand> Health)
{
    // Upper edges of the health bands after "liquidatable" (health ≤ 1) and before "no debt".
    private static readonly (double Upper, string Label)[] Bands =
    [
        (1.05, "1.00 – 1.05"),
        (1.10, "1.05 – 1.10"),
        (1.25, "1.10 – 1.25"),
        (1.50, "1.25 – 1.50"),
        (2.00, "1.50 – 2.00"),
        (double.PositiveInfinity, "≥ 2.00"),
    ];

    /// <summary>The bucket with the most debt: the liquidity cliff, or -1 when no bucket holds any.</summary>
    public int CliffIndex
    {
        get
        {
            var best = -1;
            for (var i = 0; i < Buckets.Length; i++)
            {
                if (Buckets[i].DebtValue > 0 && (best < 0 || Buckets[i].DebtValue > Buckets[best].DebtValue))
                {
                    best = i;
                }
            }

            return best;
        }
    }

    public static MapReport Create(string source, LoadedBook book, MapOptions options)
    {
        var assetId = ChooseAsset(book, options.Asset);
        var current = book.Prices[assetId.Value];
        var lowest = current * (1 - options.Drop);
        var buckets = new LiquidationMapBucket[options.Buckets];
        var summary = LiquidationMap.Build(book.Accounts, book.Prices, book.Table, assetId, lowest, buckets);

        var count = book.Accounts.Count;
        var health = new double[count];
        var status = new AccountStatus[count];
        book.Accounts.Evaluate(book.Prices, book.Table, health, status);

        var debts = new DebtPosition[book.Accounts.DebtSlots];
        var bandAccounts = new int[Bands.Length + 3];
        var bandDebt = new double[Bands.Length + 3];
        var totalDebt = 0.0;
        for (var i = 0; i < count; i++)
        {
            var n = book.Accounts.CopyDebts(new AccountId(i), debts);
            var debt = 0.0;
            for (var j = 0; j < n; j++)
            {
                debt += debts[j].Amount * book.Prices[debts[j].Asset.Value];
            }

            totalDebt += debt;
            var band = status[i] switch
            {
                AccountStatus.Insolvent => 0,
                AccountStatus.Liquidatable => 1,
                _ when double.IsPositiveInfinity(health[i]) => Bands.Length + 2,
                _ => 2 + Array.FindIndex(Bands, b => health[i] < b.Upper),
            };
            bandAccounts[band]++;
            bandDebt[band] += debt;
        }

        string[] labels = ["insolvent", "liquidatable (≤ 1.00)", .. Bands.Select(b => b.Label), "no debt"];
        var bands = labels.Select((label, i) => new HealthBand(label, bandAccounts[i], bandDebt[i])).ToArray();
        return new MapReport(source, book.AssetNames[assetId.Value], current, lowest, count, totalDebt, buckets, summary, bands);
    }

    private static AssetId ChooseAsset(LoadedBook book, string? name)
    {
        if (name is not null)
        {
            var index = book.AssetNames.ToList().IndexOf(name);
            if (index < 0)
            {
                throw new Cli.UsageException($"asset '{name}' is not in the book (it has {string.Join(", ", book.AssetNames)})");
            }

            if (book.Table[new AssetId(index)] is null)
            {
                throw new Cli.UsageException($"asset '{name}' is not accepted as collateral in the book (it has no liquidation threshold)");
            }

            return new AssetId(index);
        }

        // By default, the collateral asset with the most value held: where a fall hurts most.
        var held = new double[book.AssetNames.Count];
        var positions = new CollateralPosition[book.Accounts.CollateralSlots];
        for (var i = 0; i < book.Accounts.Count; i++)
        {
            var n = book.Accounts.CopyCollateral(new AccountId(i), positions);
            for (var j = 0; j < n; j++)
            {
                held[positions[j].Asset.Value] += positions[j].Quantity * book.Prices[positions[j].Asset.Value];
            }
        }

        var best = -1;
        for (var a = 0; a < held.Length; a++)
        {
            if (book.Table[new AssetId(a)] is not null && (best < 0 || held[a] > held[best]))
            {
                best = a;
            }
        }

        return best >= 0 ? new AssetId(best) : throw new Cli.UsageException("the book has no collateral asset (no asset has a liquidation threshold)");
    }
}
