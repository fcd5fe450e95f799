using CascadeGuard.Margin;
using CascadeGuard.Primitives;

namespace CascadeGuard.Tests.Margin;

public class MinimalLiquidationTests
{
    private static readonly AssetId Eth = new(0);
    private static readonly AssetId Usdc = new(1);

    // ETH: LT 0.8, penalty 5 %.
    private static readonly RiskParameterTable Table = new([new AssetRiskParameters(0.75, 0.8, 0.05), null]);
    private static readonly double[] Prices = [1000.0, 1.0];
    private static readonly CollateralPosition[] OneEth = [new(Eth, 1.0)];

    private static MinimalLiquidation Solve(double debt, MinimalLiquidationRequest request) =>
        MarginCalculator.MinimalLiquidation(OneEth, [new(Usdc, debt)], Prices, Table, request);

    [Fact]
    public void Restores_the_target_exactly()
    {
        // 1 ETH at 1,000 (RA 800) against 850: HF 0.941. With k = 1.05 the repayment r satisfies
        // (800 − 0.8 × 1.05 r) / (850 − r) = 1.05 → r = (892.5 − 800) / (1.05 − 0.84) = 440.476190…; sold = 1.05 r / 1,000.
        var result = Solve(850.0, new MinimalLiquidationRequest(Eth, Usdc, TargetHealthFactor: 1.05));

        result.Outcome.Should().Be(LiquidationOutcome.Restored);
        result.DebtToRepay.Should().BeApproximately(92.5 / 0.21, 1e-9);
        result.CollateralToSell.Should().BeApproximately(92.5 / 0.21 * 1.05 / 1000.0, 1e-12);
        result.PenaltyValue.Should().BeApproximately(92.5 / 0.21 * 0.05, 1e-9);
        result.HealthFactorAfter.Should().BeGreaterThanOrEqualTo(1.05).And.BeApproximately(1.05, 1e-12);
    }

    [Fact]
    public void Slippage_raises_the_sale()
    {
        // Slippage 2 %: k = 1.05 / 0.98; r = 92.5 / (1.05 − 0.8 k).
        var result = Solve(850.0, new MinimalLiquidationRequest(Eth, Usdc, TargetHealthFactor: 1.05, Slippage: 0.02));
        var k = 1.05 / 0.98;
        result.DebtToRepay.Should().BeApproximately(92.5 / (1.05 - (0.8 * k)), 1e-8);
        result.CollateralToSell.Should().BeApproximately(result.DebtToRepay * k / 1000.0, 1e-12);
        result.HealthFactorAfter.Should().BeApproximately(1.05, 1e-12);
    }

    [Fact]
    public void Close_factor_caps_the_repayment()
    {
        // Needed 440.48 > 50 % × 850 = 425: repay 425, sell 0.44625; HF after = (0.55375 × 800) / 425 = 443 / 425.
        var result = Solve(850.0, new MinimalLiquidationRequest(Eth, Usdc, TargetHealthFactor: 1.05, CloseFactor: 0.5));
        result.Outcome.Should().Be(LiquidationOutcome.CappedByCloseFactor);
        result.DebtToRepay.Should().Be(425.0);
        result.CollateralToSell.Should().BeApproximately(0.44625, 1e-15);
        result.HealthFactorAfter.Should().BeApproximately(443.0 / 425.0, 1e-12);
    }

    [Fact]
    public void Dust_remainder_turns_into_full_repayment()
    {
        // Needed 440.48 would leave 409.52 < 500 minimum: repay all 850, selling 0.8925 ETH.
        var result = Solve(850.0, new MinimalLiquidationRequest(Eth, Usdc, TargetHealthFactor: 1.05, MinimumDebtRemainder: 500.0));
        result.Outcome.Should().Be(LiquidationOutcome.FullRepayment);
        result.DebtToRepay.Should().Be(850.0);
        result.CollateralToSell.Should().BeApproximately(0.8925, 1e-15);
        result.HealthFactorAfter.Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void Dust_rule_overrides_the_close_factor()
    {
        // Capped at 425 would leave 425 < 430 minimum: full repayment instead.
        var result = Solve(850.0, new MinimalLiquidationRequest(Eth, Usdc, 1.05, CloseFactor: 0.5, MinimumDebtRemainder: 430.0));
        result.Outcome.Should().Be(LiquidationOutcome.FullRepayment);
        result.DebtToRepay.Should().Be(850.0);
    }

    [Fact]
    public void Remainder_at_the_minimum_is_allowed()
    {
        // Capped repayment 425 leaves exactly 425: not below the minimum of 425, so it stays partial.
        var result = Solve(850.0, new MinimalLiquidationRequest(Eth, Usdc, 1.05, CloseFactor: 0.5, MinimumDebtRemainder: 425.0));
        result.Outcome.Should().Be(LiquidationOutcome.CappedByCloseFactor);
    }

    [Fact]
    public void Too_deep_cannot_be_restored()
    {
        // 990 owed against 1 ETH (RA 800): selling everything repays 952.38 and leaves 37.6 owed with no collateral.
        var result = Solve(990.0, new MinimalLiquidationRequest(Eth, Usdc, 1.05));
        result.Outcome.Should().Be(LiquidationOutcome.CannotRestore);
        result.DebtToRepay.Should().Be(0);
        result.CollateralToSell.Should().Be(0);
        result.HealthFactorAfter.Should().Be(800.0 / 990.0);
    }

    [Fact]
    public void Dust_rule_that_needs_more_collateral_than_held_routes_elsewhere()
    {
        // ETH 1 at 1,000 (RA 800) + LINK 50 at 10 (RA 300) against 1,100: HF exactly 1. Selling ETH restores 1.05 with
        // r = 55 / 0.21 = 261.9, leaving 838.1 < 1,000 minimum; repaying all 1,100 needs 1,155 of ETH, more than held.
        var table = new RiskParameterTable([new AssetRiskParameters(0.75, 0.8, 0.05), new AssetRiskParameters(0.5, 0.6, 0.1), null]);
        var result = MarginCalculator.MinimalLiquidation(
            [new(Eth, 1.0), new(new AssetId(1), 50.0)],
            [new(new AssetId(2), 1100.0)],
            [1000.0, 10.0, 1.0],
            table,
            new MinimalLiquidationRequest(Eth, new AssetId(2), 1.05, MinimumDebtRemainder: 1000.0));
        result.Outcome.Should().Be(LiquidationOutcome.CannotRestore);
    }

    [Fact]
    public void Healthy_account_needs_nothing()
    {
        var result = Solve(700.0, new MinimalLiquidationRequest(Eth, Usdc, 1.05));
        result.Should().Be(new MinimalLiquidation(LiquidationOutcome.NotRequired, 0, 0, 0, 800.0 / 700.0));
    }

    [Fact]
    public void Missing_collateral_cannot_be_sold()
    {
        var table = new RiskParameterTable([new AssetRiskParameters(0.75, 0.8, 0.05), new AssetRiskParameters(0.5, 0.6, 0.1), null]);
        var result = MarginCalculator.MinimalLiquidation(
            [new(Eth, 1.0)],
            [new(new AssetId(2), 900.0)],
            [1000.0, 10.0, 1.0],
            table,
            new MinimalLiquidationRequest(new AssetId(1), new AssetId(2), 1.05));
        result.Outcome.Should().Be(LiquidationOutcome.CannotRestore);
    }

    [Fact]
    public void Selling_one_collateral_of_several_restores_the_whole_account()
    {
        // ETH (LT 0.8, pen 5 %) 1 at 1,000 + LINK (LT 0.6) 50 at 10: RA = 800 + 300 = 1,100; debt 1,200 → HF 0.9167.
        // Selling ETH: r = (1.05 × 1,200 − 1,100) / (1.05 − 0.84) = 160 / 0.21 = 761.904…
        var table = new RiskParameterTable([new AssetRiskParameters(0.75, 0.8, 0.05), new AssetRiskParameters(0.5, 0.6, 0.1), null]);
        var result = MarginCalculator.MinimalLiquidation(
            [new(Eth, 1.0), new(new AssetId(1), 50.0)],
            [new(new AssetId(2), 1200.0)],
            [1000.0, 10.0, 1.0],
            table,
            new MinimalLiquidationRequest(Eth, new AssetId(2), 1.05));
        result.Outcome.Should().Be(LiquidationOutcome.Restored);
        result.DebtToRepay.Should().BeApproximately(160.0 / 0.21, 1e-9);
    }

    [Fact]
    public void Tiered_whale_is_restored_inside_the_hump()
    {
        // 2,000 ETH at 1,000 under brackets 5 % / 20 % (from 100,000) / 60 % (from 1,000,000), LT 0.95, penalty 1 %,
        // slippage 15 % (k = 1.01 / 0.85). Selling sheds 60 % or 20 % of requirement per unit while the value is large, so
        // h(r) rises; below 100,000 of value it falls again (k × 0.95 > 1.05). Owing 1,684,000 USDC + 5,000 DAI, selling
        // everything leaves DAI owed with nothing (h < 0), but the hump peaks above zero: the target is reachable inside it.
        var tiers = TieredMaintenanceSchedule.FromRates([0, 100_000, 1_000_000], [0.05, 0.2, 0.6]);
        var table = new RiskParameterTable([new AssetRiskParameters(0.9, 0.95, 0.01, tiers), null, null]);
        CollateralPosition[] collateral = [new(Eth, 2000.0)];
        DebtPosition[] debts = [new(Usdc, 1_684_000.0), new(new AssetId(2), 5_000.0)];
        double[] prices = [1000.0, 1.0, 1.0];
        var request = new MinimalLiquidationRequest(Eth, Usdc, 1.05, Slippage: 0.15);

        MarginCalculator.Evaluate(collateral, debts, prices, table).Status.Should().Be(AccountStatus.Liquidatable);

        var result = MarginCalculator.MinimalLiquidation(collateral, debts, prices, table, request);
        result.Outcome.Should().Be(LiquidationOutcome.Restored);
        result.HealthFactorAfter.Should().BeGreaterThanOrEqualTo(1.05);
        result.DebtToRepay.Should().BeLessThan(1_684_000.0);

        // No smaller repayment reaches the target.
        var smaller = result.DebtToRepay * (1 - 1e-9);
        var sold = smaller * (1.01 / 0.85) / 1000.0;
        var after = MarginCalculator.Evaluate(
            [new(Eth, 2000.0 - sold)],
            [new(Usdc, 1_684_000.0 - smaller), new(new AssetId(2), 5_000.0)],
            prices,
            table);
        after.HealthFactor.Should().BeLessThan(1.05);
    }

    public static TheoryData<MinimalLiquidationRequest, string> BadRequests => new()
    {
        { new MinimalLiquidationRequest(Eth, Usdc, 1.0), "request.TargetHealthFactor" },
        { new MinimalLiquidationRequest(Eth, Usdc, double.NaN), "request.TargetHealthFactor" },
        { new MinimalLiquidationRequest(Eth, Usdc, double.PositiveInfinity), "request.TargetHealthFactor" },
        { new MinimalLiquidationRequest(Eth, Usdc, 1.05, Slippage: 1.0), "request.Slippage" },
        { new MinimalLiquidationRequest(Eth, Usdc, 1.05, Slippage: -0.01), "request.Slippage" },
        { new MinimalLiquidationRequest(Eth, Usdc, 1.05, CloseFactor: 0.0), "request.CloseFactor" },
        { new MinimalLiquidationRequest(Eth, Usdc, 1.05, CloseFactor: 1.5), "request.CloseFactor" },
        { new MinimalLiquidationRequest(Eth, Usdc, 1.05, MinimumDebtRemainder: -1), "request.MinimumDebtRemainder" },
        { new MinimalLiquidationRequest(Usdc, Usdc, 1.05), "request.CollateralAsset" },
        { new MinimalLiquidationRequest(new AssetId(9), Usdc, 1.05), "request.CollateralAsset" },
        { new MinimalLiquidationRequest(Eth, new AssetId(9), 1.05), "request.DebtAsset" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void Bad_requests_are_rejected_naming_the_field(MinimalLiquidationRequest request, string field)
    {
        CollateralPosition[] collateral = [new(Eth, 1.0)];
        DebtPosition[] debts = [new(Usdc, 850.0)];
        var act = () => MarginCalculator.MinimalLiquidation(collateral, debts, Prices, Table, request);
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(field);

        // The caller's positions are untouched.
        collateral.Should().Equal(new CollateralPosition(Eth, 1.0));
        debts.Should().Equal(new DebtPosition(Usdc, 850.0));
    }

    [Fact]
    public void The_callers_positions_are_never_modified()
    {
        CollateralPosition[] collateral = [new(Eth, 1.0)];
        DebtPosition[] debts = [new(Usdc, 850.0)];
        MarginCalculator.MinimalLiquidation(collateral, debts, Prices, Table, new MinimalLiquidationRequest(Eth, Usdc, 1.05));
        collateral.Should().Equal(new CollateralPosition(Eth, 1.0));
        debts.Should().Equal(new DebtPosition(Usdc, 850.0));
    }
}
