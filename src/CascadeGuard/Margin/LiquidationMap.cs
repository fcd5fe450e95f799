using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Margin;

/// <summary>
/// The liquidation map of a book for one collateral asset: as that asset's price falls from its current level, how much
/// debt and collateral becomes liquidatable in each price interval. Its peaks are the liquidity cliffs: the prices where
/// forced selling concentrates.
/// </summary>
/// <remarks>
/// Each account's liquidation price is solved once (closed form without size schedules), and dropped into a bucket by
/// arithmetic on equal-width intervals, so building the map is O(accounts × slots) with no sort. Pure and thread-safe.
/// </remarks>
public static class LiquidationMap
{
    /// <summary>Builds the map into caller-owned buckets.</summary>
    /// <param name="book">The accounts.</param>
    /// <param name="prices">Current price of every asset, indexed by asset id.</param>
    /// <param name="table">The risk parameters.</param>
    /// <param name="asset">The asset whose price falls.</param>
    /// <param name="lowestPrice">The bottom of the map, in [0, current price).</param>
    /// <param name="buckets">Receives equal-width intervals from the current price down to <paramref name="lowestPrice"/>; not empty.</param>
    /// <returns>What lies outside the buckets: accounts liquidatable already, below the map, or never through this asset.</returns>
    /// <exception cref="ArgumentException">An input is invalid; the message names it.</exception>
    public static LiquidationMapSummary Build(
        AccountBook book,
        ReadOnlySpan<double> prices,
        RiskParameterTable table,
        AssetId asset,
        double lowestPrice,
        Span<LiquidationMapBucket> buckets)
    {
        Guard.NotNull(book);
        Guard.NotNull(table);
        book.CheckTable(table);
        table.CheckAsset(asset);
        RiskParameterTable.CheckPrices(prices, book.AssetCount);
        var current = prices[asset.Value];
        if (!double.IsFinite(lowestPrice) || lowestPrice < 0 || lowestPrice >= current)
        {
            Guard.Throw(nameof(lowestPrice), lowestPrice, string.Create(CultureInfo.InvariantCulture, $"must be finite and in [0, {current}) (the current price)"));
        }

        if (buckets.IsEmpty)
        {
            throw new ArgumentException("At least one bucket is required.", nameof(buckets));
        }

        var width = (current - lowestPrice) / buckets.Length;
        for (var i = 0; i < buckets.Length; i++)
        {
            buckets[i] = new LiquidationMapBucket(current - (i * width), current - ((i + 1) * width), 0, 0, 0, 0);
        }

        buckets[^1] = buckets[^1] with { PriceLow = lowestPrice };
        var now = new Accumulator(double.PositiveInfinity, current);
        var beyond = new Accumulator(lowestPrice, 0.0);
        var unreachable = 0;
        var parameters = table[asset];
        var k = book.CollateralSlots;
        var m = book.DebtSlots;
        var assets = book.CollateralAssetColumn;
        var quantities = book.CollateralQuantityColumn;
        var debtAssets = book.DebtAssetColumn;
        var debtAmounts = book.DebtAmountColumn;
        for (var i = 0; i < book.Count; i++)
        {
            double held = 0, owed = 0, otherRiskAdjusted = 0, otherDebt = 0;
            for (var s = i * k; s < (i + 1) * k; s++)
            {
                var q = quantities[s];
                if (q > 0)
                {
                    var a = assets[s];
                    if (a == asset.Value)
                    {
                        held = q;
                    }
                    else
                    {
                        otherRiskAdjusted += table.RiskAdjustedValue(a, q * prices[a]);
                    }
                }
            }

            for (var s = i * m; s < (i + 1) * m; s++)
            {
                var d = debtAmounts[s];
                if (d > 0)
                {
                    var a = debtAssets[s];
                    if (a == asset.Value)
                    {
                        owed += d;
                    }
                    else
                    {
                        otherDebt += d * prices[a];
                    }
                }
            }

            if (otherDebt <= 0 && owed <= 0)
            {
                continue;
            }

            var trigger = LiquidationPriceSolver.Solve(parameters, held, owed, otherRiskAdjusted, otherDebt, current).Below;
            if (double.IsNaN(trigger))
            {
                unreachable++;
            }
            else if (trigger >= current)
            {
                // Valued at the current price: that is where these accounts are liquidated.
                now.Add(current, held, owed, otherDebt);
            }
            else if (trigger <= lowestPrice)
            {
                beyond.Add(trigger, held, owed, otherDebt);
            }
            else
            {
                var index = Math.Min(buckets.Length - 1, (int)((current - trigger) / width));
                ref var b = ref buckets[index];
                b = new LiquidationMapBucket(
                    b.PriceHigh,
                    b.PriceLow,
                    b.Accounts + 1,
                    b.DebtValue + otherDebt + (owed * trigger),
                    b.CollateralQuantity + held,
                    b.CollateralNotional + (held * trigger));
            }
        }

        return new LiquidationMapSummary(current, now.ToBucket(), beyond.ToBucket(), unreachable);
    }

    private struct Accumulator(double high, double low)
    {
        private int _accounts;
        private double _debt;
        private double _quantity;
        private double _notional;

        public void Add(double price, double held, double owed, double otherDebt)
        {
            _accounts++;
            _debt += otherDebt + (owed * price);
            _quantity += held;
            _notional += held * price;
        }

        public readonly LiquidationMapBucket ToBucket() => new(high, low, _accounts, _debt, _quantity, _notional);
    }
}
