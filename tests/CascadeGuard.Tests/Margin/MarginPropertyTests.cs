using CascadeGuard.Margin;
using CascadeGuard.Primitives;
using CascadeGuard.Tests.Support;
using CsCheck;

namespace CascadeGuard.Tests.Margin;

public class MarginPropertyTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Batch_evaluation_equals_single_account_evaluation_bit_for_bit(bool withSchedules)
    {
        var table = RandomBooks.Table(withSchedules);
        Gen.Select(RandomBooks.Account.Array[1, 40], RandomBooks.Prices).Sample(
            (accounts, prices) =>
            {
                var book = RandomBooks.ToBook(accounts);
                var hf = new double[book.Count];
                var status = new AccountStatus[book.Count];
                book.Evaluate(prices, table, hf, status);
                for (var i = 0; i < book.Count; i++)
                {
                    var (collateral, debts) = RandomBooks.Read(book, new AccountId(i));
                    var single = MarginCalculator.Evaluate(collateral, debts, prices, table);
                    BitConverter.DoubleToInt64Bits(hf[i]).Should().Be(BitConverter.DoubleToInt64Bits(single.HealthFactor));
                    status[i].Should().Be(single.Status);
                }
            },
            iter: 2000);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Health_factor_at_the_liquidation_price_is_one(bool withSchedules)
    {
        var table = RandomBooks.Table(withSchedules);
        var checkedTriggers = 0;
        Gen.Select(RandomBooks.AccountNearHealth(table), Gen.Int[0, 2]).Sample(
            (account, assetIndex) =>
            {
                var (collateral, debts, prices) = account;
                var asset = new AssetId(assetIndex);
                var lp = MarginCalculator.LiquidationPrice(collateral, debts, prices, table, asset);
                foreach (var trigger in new[] { lp.Below, lp.Above })
                {
                    if (double.IsFinite(trigger) && trigger > 1e-6 && trigger < 1e12)
                    {
                        var moved = (double[])prices.Clone();
                        moved[assetIndex] = trigger;
                        var hf = MarginCalculator.Evaluate(collateral, debts, moved, table).HealthFactor;
                        hf.Should().BeApproximately(1.0, 1e-9);
                        Interlocked.Increment(ref checkedTriggers);
                    }
                }

                // Consistency with the status at the current price.
                var now = MarginCalculator.Evaluate(collateral, debts, prices, table);
                if (now.DebtValue > 0 && double.IsFinite(lp.Below) && double.IsNaN(lp.Above))
                {
                    // Near a health factor of 1 the status is decided by rounding (risk-adjusted value minus debt cancels),
                    // so only well-conditioned accounts are compared.
                    var current = prices[assetIndex];
                    if (Math.Abs(now.HealthFactor - 1.0) > 1e-9)
                    {
                        (now.HealthFactor <= 1.0).Should().Be(current < lp.Below);
                    }
                }
            },
            iter: 4000);

        checkedTriggers.Should().BeGreaterThan(500);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Minimal_liquidation_restores_the_target_and_no_smaller_amount_does(bool withSchedules)
    {
        var table = RandomBooks.Table(withSchedules);
        var restored = 0;
        var gen = Gen.Select(RandomBooks.AccountNearHealth(table, 0.6, 1.0), Gen.Int[0, 2], Gen.Double[1.01, 1.5], Gen.Double[0, 0.05]);
        gen.Sample(
            (account, pick, target, slippage) =>
            {
                var (collateral, debts, prices) = account;
                if (collateral.Length == 0 || collateral[pick % collateral.Length].Asset.Value > 2)
                {
                    return;
                }

                var collateralAsset = collateral[pick % collateral.Length].Asset.Value;
                var debtAsset = debts[0].Asset.Value;
                var request = new MinimalLiquidationRequest(new AssetId(collateralAsset), new AssetId(debtAsset), target, slippage);
                var result = MarginCalculator.MinimalLiquidation(collateral, debts, prices, table, request);
                if (result.Outcome != LiquidationOutcome.Restored)
                {
                    return;
                }

                Interlocked.Increment(ref restored);

                var penalty = table[new AssetId(collateralAsset)]!.LiquidationPenalty;
                var unitsPerRepaid = prices[debtAsset] * ((1 + penalty) / (1 - slippage)) / prices[collateralAsset];
                Health(result.DebtToRepay).Should().BeGreaterThanOrEqualTo(target);
                result.HealthFactorAfter.Should().Be(Health(result.DebtToRepay));
                if (result.DebtToRepay > 1e-9)
                {
                    Health(result.DebtToRepay * (1 - 1e-9)).Should().BeLessThan(target);
                }

                double Health(double repaid)
                {
                    var c = collateral.Select(p => p.Asset.Value == collateralAsset ? p with { Quantity = p.Quantity - Math.Min(p.Quantity, repaid * unitsPerRepaid) } : p).ToArray();
                    var d = debts.Select(p => p.Asset.Value == debtAsset ? p with { Amount = Math.Max(0, p.Amount - repaid) } : p).ToArray();
                    return MarginCalculator.Evaluate(c, d, prices, table).HealthFactor;
                }
            },
            iter: 4000);

        // The generator must reach the interesting case often enough for the property to mean something.
        restored.Should().BeGreaterThan(200);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Liquidation_map_places_every_account_where_its_liquidation_price_says(bool withSchedules)
    {
        var table = RandomBooks.Table(withSchedules);
        Gen.Select(RandomBooks.Account.Array[1, 60], RandomBooks.Prices, Gen.Int[1, 12]).Sample(
            (accounts, prices, bucketCount) =>
            {
                var book = RandomBooks.ToBook(accounts);
                var asset = new AssetId(0);
                var lowest = prices[0] * 0.25;
                var buckets = new LiquidationMapBucket[bucketCount];
                var summary = LiquidationMap.Build(book, prices, table, asset, lowest, buckets);

                var expected = new int[bucketCount];
                int now = 0, beyond = 0, unreachable = 0;
                for (var i = 0; i < book.Count; i++)
                {
                    var (collateral, debts) = RandomBooks.Read(book, new AccountId(i));
                    if (debts.Length == 0)
                    {
                        continue;
                    }

                    var below = MarginCalculator.LiquidationPrice(collateral, debts, prices, table, asset).Below;
                    if (double.IsNaN(below))
                    {
                        unreachable++;
                    }
                    else if (below >= prices[0])
                    {
                        now++;
                    }
                    else if (below <= lowest)
                    {
                        beyond++;
                    }
                    else
                    {
                        var b = Array.FindIndex(buckets, x => below <= x.PriceHigh && below > x.PriceLow);
                        b.Should().BeGreaterThanOrEqualTo(0);
                        expected[b]++;
                    }
                }

                summary.LiquidatableNow.Accounts.Should().Be(now);
                summary.Beyond.Accounts.Should().Be(beyond);
                summary.Unreachable.Should().Be(unreachable);
                buckets.Select(b => b.Accounts).Should().Equal(expected);
            },
            iter: 1000);
    }
}
