using CascadeGuard.Margin;
using CascadeGuard.Primitives;

namespace CascadeGuard.Tests.Margin;

public class LiquidationPriceTests
{
    private static readonly AssetId Eth = new(0);
    private static readonly AssetId Usdc = new(1);
    private static readonly AssetId Dai = new(2);

    private static readonly RiskParameterTable Table = new(
    [
        new AssetRiskParameters(0.80, 0.85, 0.05),
        new AssetRiskParameters(0.85, 0.90, 0.04),
        null,
    ]);

    private static readonly double[] Prices = [2000.0, 1.0, 1.0];

    [Fact]
    public void Single_collateral_falls_to_debt_over_weighted_quantity()
    {
        // 2 ETH, LT 0.85, debt 3,000: 2 × 0.85 × p = 3,000 → p = 1,764.705882…
        var p = MarginCalculator.LiquidationPrice([new(Eth, 2.0)], [new(Usdc, 3000.0)], Prices, Table, Eth);
        p.Below.Should().BeApproximately(3000.0 / 1.7, 1e-9);
        p.HasAbove.Should().BeFalse();
        p.IsLiquidatableAt(1764.0).Should().BeTrue();
        p.IsLiquidatableAt(1765.0).Should().BeFalse();
    }

    [Fact]
    public void Other_collateral_lowers_the_trigger()
    {
        // 2 ETH + 1,000 USDC (LT 0.9), debt 3,000: 1.7 p + 900 = 3,000 → p = 1,235.294…
        var p = MarginCalculator.LiquidationPrice([new(Eth, 2.0), new(Usdc, 1000.0)], [new(Usdc, 3000.0)], Prices, Table, Eth);
        p.Below.Should().BeApproximately(2100.0 / 1.7, 1e-9);
    }

    [Fact]
    public void Debt_in_the_same_asset_reduces_the_slope()
    {
        // 10 ETH (LT 0.85) against 2 ETH + 3,000 USDC owed: (8.5 − 2) p = 3,000 → p = 461.538…
        var p = MarginCalculator.LiquidationPrice([new(Eth, 10.0)], [new(Eth, 2.0), new(Usdc, 3000.0)], Prices, Table, Eth);
        p.Below.Should().BeApproximately(3000.0 / 6.5, 1e-9);
        p.HasAbove.Should().BeFalse();
    }

    [Fact]
    public void Owing_the_asset_against_other_collateral_breaches_on_a_rise()
    {
        // 10,000 USDC collateral (RA 9,000) against 2 ETH owed: 9,000 = 2 p → p = 4,500.
        var p = MarginCalculator.LiquidationPrice([new(Usdc, 10_000.0)], [new(Eth, 2.0)], Prices, Table, Eth);
        p.HasBelow.Should().BeFalse();
        p.Above.Should().Be(4500.0);
        p.IsLiquidatableAt(4499.0).Should().BeFalse();
        p.IsLiquidatableAt(4500.0).Should().BeTrue();
    }

    [Fact]
    public void Debt_covered_by_other_collateral_has_no_trigger()
    {
        var p = MarginCalculator.LiquidationPrice([new(Eth, 1.0), new(Usdc, 10_000.0)], [new(Usdc, 5000.0)], Prices, Table, Eth);
        p.Should().Be(LiquidationPrice.None);
    }

    [Fact]
    public void No_debt_has_no_trigger()
    {
        var p = MarginCalculator.LiquidationPrice([new(Eth, 1.0)], [], Prices, Table, Eth);
        p.HasBelow.Should().BeFalse();
        p.HasAbove.Should().BeFalse();
    }

    [Fact]
    public void Non_collateral_holding_cannot_help_so_the_account_is_always_liquidatable()
    {
        // Only DAI (weight 0) against USDC debt: no DAI price restores health.
        var p = MarginCalculator.LiquidationPrice([new(Dai, 1000.0)], [new(Usdc, 100.0)], Prices, Table, Dai);
        p.Should().Be(LiquidationPrice.Always);
        p.IsLiquidatableAt(1e9).Should().BeTrue();
    }

    [Fact]
    public void Tiered_schedule_trigger_solves_the_bracket_exactly()
    {
        // LT 0.996 with brackets 0.4 % / 0.5 % (amount 50) / 1 % (amount 1,300). 3 units against 250,000 debt:
        // the trigger lies in the 1 % bracket: 3p − (3p × 0.01 − 1,300) = 250,000 → p = 248,700 / 2.97 = 83,737.37…
        var tiers = TieredMaintenanceSchedule.FromRates([0, 50_000, 250_000], [0.004, 0.005, 0.01]);
        var table = new RiskParameterTable([new AssetRiskParameters(0.9, 0.996, 0.002, tiers), null]);
        var p = MarginCalculator.LiquidationPrice([new(new AssetId(0), 3.0)], [new(new AssetId(1), 250_000.0)], [100_000.0, 1.0], table, new AssetId(0));
        p.Below.Should().BeApproximately(248_700.0 / 2.97, 1e-6);
    }

    [Fact]
    public void Schedule_with_same_asset_debt_can_breach_both_ways()
    {
        // 10 units (LT 0.9, square-root premium) against 5 units + 2,000 USDC owed. f(p) = RA(10p) − 5p − 2,000 is concave:
        // liquidatable below the lower root and above the upper one.
        var schedule = new SquareRootMaintenanceSchedule(0.0, 0.01, 1000.0, 0.9);
        var table = new RiskParameterTable([new AssetRiskParameters(0.8, 0.9, 0.05, schedule), null]);
        CollateralPosition[] collateral = [new(new AssetId(0), 10.0)];
        DebtPosition[] debts = [new(new AssetId(0), 5.0), new(new AssetId(1), 2000.0)];
        double[] prices = [1000.0, 1.0];

        var p = MarginCalculator.LiquidationPrice(collateral, debts, prices, table, new AssetId(0));

        p.HasBelow.Should().BeTrue();
        p.HasAbove.Should().BeTrue();
        p.Below.Should().BeLessThan(prices[0]);
        p.Above.Should().BeGreaterThan(prices[0]);
        // Below the schedule binds nothing: 9p − 5p = 2,000 → p = 500.
        p.Below.Should().BeApproximately(500.0, 1e-9);
        HealthAt(p.Below).Should().BeApproximately(1.0, 1e-12);
        HealthAt(p.Below * (1 + 1e-9)).Should().BeGreaterThan(1.0);
        HealthAt(p.Above).Should().BeApproximately(1.0, 1e-12);
        HealthAt(p.Above * (1 - 1e-9)).Should().BeGreaterThan(1.0);
        HealthAt(p.Above * (1 + 1e-9)).Should().BeLessThan(1.0);

        double HealthAt(double price) =>
            MarginCalculator.Evaluate(collateral, debts, [price, 1.0], table).HealthFactor;
    }

    [Fact]
    public void Unknown_asset_is_rejected() =>
        FluentActions.Invoking(() => MarginCalculator.LiquidationPrice([new(Eth, 1.0)], [new(Usdc, 1.0)], Prices, Table, new AssetId(7)))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("asset");
}
