using CascadeGuard.Margin;
using CascadeGuard.Primitives;

namespace CascadeGuard.Tests.Margin;

public class MarginEvaluationTests
{
    private static readonly AssetId Eth = new(0);
    private static readonly AssetId Btc = new(1);
    private static readonly AssetId Usdc = new(2);
    private static readonly AssetId Dai = new(3);

    // ETH: LT 0.85, BTC: LT 0.70, USDC: LT 0.90 (usable as collateral), DAI: not collateral.
    private static readonly RiskParameterTable Table = new(
    [
        new AssetRiskParameters(0.80, 0.85, 0.05),
        new AssetRiskParameters(0.65, 0.70, 0.10),
        new AssetRiskParameters(0.85, 0.90, 0.04),
        null,
    ]);

    private static readonly double[] Prices = [2000.0, 30000.0, 1.0, 1.0];

    [Fact]
    public void Single_collateral_worked_example()
    {
        // 2 ETH at 2,000 against 3,000 USDC: C = 4,000; RA = 4,000 × 0.85 = 3,400; HF = 3,400 / 3,000;
        // requirement = 4,000 × 0.15 = 600; margin ratio = 600 / (4,000 − 3,000) = 0.6.
        var e = MarginCalculator.Evaluate([new(Eth, 2.0)], [new(Usdc, 3000.0)], Prices, Table);

        e.CollateralValue.Should().Be(4000.0);
        e.RiskAdjustedCollateral.Should().Be(3400.0);
        e.DebtValue.Should().Be(3000.0);
        e.HealthFactor.Should().Be(3400.0 / 3000.0);
        e.MaintenanceRequirement.Should().BeApproximately(600.0, 1e-9);
        e.MarginRatio.Should().BeApproximately(0.6, 1e-12);
        e.Status.Should().Be(AccountStatus.Healthy);
    }

    [Fact]
    public void Multi_collateral_multi_debt_worked_example()
    {
        // C = 1 × 2,000 + 0.1 × 30,000 = 5,000; RA = 1,700 + 2,100 = 3,800; D = 1,500 + 500 = 2,000; HF = 1.9.
        var e = MarginCalculator.Evaluate(
            [new(Eth, 1.0), new(Btc, 0.1)],
            [new(Usdc, 1500.0), new(Dai, 500.0)],
            Prices,
            Table);

        e.CollateralValue.Should().Be(5000.0);
        e.RiskAdjustedCollateral.Should().Be(3800.0);
        e.DebtValue.Should().Be(2000.0);
        e.HealthFactor.Should().Be(1.9);
        e.Status.Should().Be(AccountStatus.Healthy);
    }

    [Fact]
    public void Non_collateral_asset_counts_in_value_but_not_in_health()
    {
        // 1,000 DAI held (not collateral) plus 1 ETH; debt 1,000 USDC: C = 3,000, RA = 1,700, HF = 1.7.
        var e = MarginCalculator.Evaluate([new(Dai, 1000.0), new(Eth, 1.0)], [new(Usdc, 1000.0)], Prices, Table);

        e.CollateralValue.Should().Be(3000.0);
        e.RiskAdjustedCollateral.Should().Be(1700.0);
        e.HealthFactor.Should().Be(1.7);
    }

    [Theory]
    [InlineData(1700.0 / 1.02, AccountStatus.AtRisk)] // HF 1.02 inside the 0.05 band
    [InlineData(1700.0, AccountStatus.Liquidatable)] // HF exactly 1
    [InlineData(1800.0, AccountStatus.Liquidatable)] // HF 0.944…, collateral 2,000 still covers debt
    [InlineData(2000.0, AccountStatus.Liquidatable)] // collateral equals debt: not yet insolvent
    [InlineData(2000.5, AccountStatus.Insolvent)] // collateral below debt
    public void Status_follows_health_factor_bands(double debt, AccountStatus expected)
    {
        var e = MarginCalculator.Evaluate([new(Eth, 1.0)], [new(Usdc, debt)], Prices, Table);
        e.Status.Should().Be(expected);
    }

    [Fact]
    public void At_risk_band_is_configurable()
    {
        // HF 1.7 / 1.6 = 1.0625: healthy with the default band, at risk with a 0.1 band.
        var e1 = MarginCalculator.Evaluate([new(Eth, 1.0)], [new(Usdc, 1600.0)], Prices, Table);
        var e2 = MarginCalculator.Evaluate([new(Eth, 1.0)], [new(Usdc, 1600.0)], Prices, Table, atRiskBand: 0.1);
        e1.Status.Should().Be(AccountStatus.Healthy);
        e2.Status.Should().Be(AccountStatus.AtRisk);
    }

    [Fact]
    public void At_risk_band_is_half_open()
    {
        // HF = 1,700 / 1,600 = 1.0625 exactly: at the band's upper edge the account is healthy.
        var e = MarginCalculator.Evaluate([new(Eth, 1.0)], [new(Usdc, 1600.0)], Prices, Table, atRiskBand: 0.0625);
        e.HealthFactor.Should().Be(1.0625);
        e.Status.Should().Be(AccountStatus.Healthy);
    }

    [Fact]
    public void No_debt_is_infinitely_healthy()
    {
        var e = MarginCalculator.Evaluate([new(Eth, 3.0)], [], Prices, Table);
        e.HealthFactor.Should().Be(double.PositiveInfinity);
        e.Status.Should().Be(AccountStatus.Healthy);
        e.MarginRatio.Should().BeApproximately(0.15, 1e-15);
    }

    [Fact]
    public void Empty_account_is_healthy_with_zero_ratio()
    {
        var e = MarginCalculator.Evaluate([], [], Prices, Table);
        e.Should().Be(new MarginEvaluation(0, 0, 0, double.PositiveInfinity, 0, 0, AccountStatus.Healthy));
    }

    [Fact]
    public void Margin_ratio_is_infinite_when_equity_is_gone()
    {
        var e = MarginCalculator.Evaluate([new(Eth, 1.0)], [new(Usdc, 2500.0)], Prices, Table);
        e.MarginRatio.Should().Be(double.PositiveInfinity);
        e.Status.Should().Be(AccountStatus.Insolvent);
    }

    [Fact]
    public void Margin_ratio_reaches_one_exactly_where_health_factor_reaches_one()
    {
        // 1 ETH, LT 0.85: HF = 1 at debt 1,700; requirement 300 = equity 2,000 − 1,700.
        var e = MarginCalculator.Evaluate([new(Eth, 1.0)], [new(Usdc, 1700.0)], Prices, Table);
        e.HealthFactor.Should().Be(1.0);
        e.MarginRatio.Should().BeApproximately(1.0, 1e-12);
    }

    [Fact]
    public void Tiered_size_schedule_raises_the_requirement_of_large_positions()
    {
        // Brackets 0: 0.4 %; 50,000: 0.5 % (amount 50); 250,000: 1 % (amount 1,300). LT 0.996 = 1 − 0.4 %.
        var tiers = TieredMaintenanceSchedule.FromRates([0, 50_000, 250_000], [0.004, 0.005, 0.01]);
        var table = new RiskParameterTable([new AssetRiskParameters(0.9, 0.996, 0.002, tiers), null]);
        double[] prices = [100_000.0, 1.0];

        // 3 units = 300,000 notional: S = 300,000 × 0.01 − 1,300 = 1,700 > 300,000 × 0.004 = 1,200.
        var e = MarginCalculator.Evaluate([new(new AssetId(0), 3.0)], [new(new AssetId(1), 250_000.0)], prices, table);
        e.MaintenanceRequirement.Should().BeApproximately(1700.0, 1e-9);
        e.RiskAdjustedCollateral.Should().BeApproximately(298_300.0, 1e-9);
        e.HealthFactor.Should().BeApproximately(298_300.0 / 250_000.0, 1e-15);
        e.MarginRatio.Should().BeApproximately(1700.0 / 50_000.0, 1e-15);
    }

    [Fact]
    public void Square_root_size_schedule_worked_example()
    {
        // Base 1 %, +1 % at 1,000,000: at 4,000,000 the rate is 1 % + 1 % × √4 = 3 %, S = 120,000.
        var schedule = new SquareRootMaintenanceSchedule(0.01, 0.01, 1_000_000, 0.5);
        var table = new RiskParameterTable([new AssetRiskParameters(0.9, 0.98, 0.01, schedule), null]);
        double[] prices = [1.0, 1.0];

        var e = MarginCalculator.Evaluate([new(new AssetId(0), 4_000_000.0)], [new(new AssetId(1), 3_000_000.0)], prices, table);
        e.MaintenanceRequirement.Should().BeApproximately(120_000.0, 1e-6);
        e.HealthFactor.Should().BeApproximately(3_880_000.0 / 3_000_000.0, 1e-12);

        // A small position is ruled by the threshold: 10,000 × 2 % = 200 > 10,000 × 1.1 % = 110.
        var small = MarginCalculator.Evaluate([new(new AssetId(0), 10_000.0)], [], prices, table);
        small.MaintenanceRequirement.Should().BeApproximately(200.0, 1e-9);
    }
}
