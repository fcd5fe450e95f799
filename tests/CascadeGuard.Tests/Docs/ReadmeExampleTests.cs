using CascadeGuard.Margin;
using CascadeGuard.Primitives;

namespace CascadeGuard.Tests.Docs;

/// <summary>The host examples of README.md and docs/margin.md, compiled and checked, so that they cannot rot.</summary>
public class ReadmeExampleTests
{
    [Fact]
    public void Readme_example_gives_the_figures_it_claims()
    {
        var eth = new AssetId(0);
        var usdc = new AssetId(1);
        var table = new RiskParameterTable([new AssetRiskParameters(loanToValue: 0.80, liquidationThreshold: 0.85, liquidationPenalty: 0.05), null]);
        double[] prices = [2000.0, 1.0];

        var book = new AccountBook(assetCount: 2);
        var account = book.Add();
        book.SetCollateral(account, eth, 2.0);
        book.SetDebt(account, usdc, 3000.0);
        var health = new double[book.Count];
        var status = new AccountStatus[book.Count];
        book.Evaluate(prices, table, health, status);

        CollateralPosition[] collateral = [new(eth, 2.0)];
        DebtPosition[] debts = [new(usdc, 3000.0)];
        var trigger = MarginCalculator.LiquidationPrice(collateral, debts, prices, table, eth);
        var plan = MarginCalculator.MinimalLiquidation(collateral, debts, [1600.0, 1.0], table,
            new MinimalLiquidationRequest(eth, usdc, TargetHealthFactor: 1.05, CloseFactor: 0.5));

        health[0].Should().BeApproximately(1.1333, 5e-5);
        status[0].Should().Be(AccountStatus.Healthy);
        trigger.Below.Should().BeApproximately(1764.71, 5e-3);

        // At 1,600: RA 2,720 against 3,000 (HF 0.907); restoring 1.05 needs (3,150 − 2,720) / (1.05 − 0.85 × 1.05) = 2,730.2,
        // more than the close factor's 1,500, so the plan is capped.
        plan.Outcome.Should().Be(LiquidationOutcome.CappedByCloseFactor);
        plan.DebtToRepay.Should().Be(1500.0);
    }

    [Fact]
    public void Margin_page_example_runs()
    {
        var eth = new AssetId(0);
        var usdc = new AssetId(1);
        var table = new RiskParameterTable([new AssetRiskParameters(0.80, 0.85, 0.05), null]);
        double[] prices = [2000.0, 1.0];
        CollateralPosition[] collateral = [new(eth, 2.0)];
        DebtPosition[] debts = [new(usdc, 3000.0)];
        var plan = MarginCalculator.MinimalLiquidation(collateral, debts, [1600.0, 1.0], table,
            new MinimalLiquidationRequest(eth, usdc, TargetHealthFactor: 1.05, Slippage: 0.01, CloseFactor: 0.5));
        plan.Outcome.Should().Be(LiquidationOutcome.CappedByCloseFactor);

        var book = new AccountBook(assetCount: 2, collateralSlots: 4, debtSlots: 1);
        var account = book.Add();
        book.SetCollateral(account, eth, 2.0);
        book.SetDebt(account, usdc, 3000.0);
        var buckets = new LiquidationMapBucket[20];
        var summary = LiquidationMap.Build(book, prices, table, eth, prices[0] * 0.5, buckets);

        // 1,764.71 falls in the 4th interval of 50: (1,750, 1,800].
        buckets[4].Accounts.Should().Be(1);
        summary.Unreachable.Should().Be(0);
    }
}
