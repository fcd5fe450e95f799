using CascadeGuard.Margin;
using CascadeGuard.Primitives;

namespace CascadeGuard.Tests.Margin;

public class AccountValidationTests
{
    private static readonly RiskParameterTable Table = new([new AssetRiskParameters(0.8, 0.85, 0.05), null]);
    private static readonly double[] Prices = [2000.0, 1.0];

    public static TheoryData<CollateralPosition[], DebtPosition[], double[], string> BadAccounts => new()
    {
        { [new(new AssetId(0), -1.0)], [], Prices, "collateral[0].Quantity" },
        { [new(new AssetId(0), double.NaN)], [], Prices, "collateral[0].Quantity" },
        { [new(new AssetId(0), double.PositiveInfinity)], [], Prices, "collateral[0].Quantity" },
        { [new(new AssetId(5), 1.0)], [], Prices, "collateral[0].Asset" },
        { [], [new(new AssetId(1), -5.0)], Prices, "debts[0].Amount" },
        { [], [new(new AssetId(1), double.NaN)], Prices, "debts[0].Amount" },
        { [], [new(new AssetId(3), 5.0)], Prices, "debts[0].Asset" },
        { [new(new AssetId(0), 1.0)], [], [double.NaN, 1.0], "prices[0]" },
        { [new(new AssetId(0), 1.0)], [], [0.0, 1.0], "prices[0]" },
        { [new(new AssetId(0), 1.0)], [], [-3.0, 1.0], "prices[0]" },
        { [], [new(new AssetId(1), 1.0)], [2000.0, double.PositiveInfinity], "prices[1]" },
        { [], [new(new AssetId(1), 1.0)], [2000.0], "debts[0].Asset" },
    };

    [Theory]
    [MemberData(nameof(BadAccounts))]
    public void Bad_accounts_are_rejected_by_every_entry_point(CollateralPosition[] collateral, DebtPosition[] debts, double[] prices, string field)
    {
        FluentActions.Invoking(() => MarginCalculator.Evaluate(collateral, debts, prices, Table))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(field);
        FluentActions.Invoking(() => MarginCalculator.LiquidationPrice(collateral, debts, prices, Table, new AssetId(0)))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(field);
        FluentActions.Invoking(() => MarginCalculator.MinimalLiquidation(collateral, debts, prices, Table, new MinimalLiquidationRequest(new AssetId(0), new AssetId(1))))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(field);
    }

    [Fact]
    public void Repeated_assets_are_rejected()
    {
        FluentActions.Invoking(() => MarginCalculator.Evaluate([new(new AssetId(0), 1.0), new(new AssetId(0), 2.0)], [], Prices, Table))
            .Should().Throw<ArgumentException>().WithMessage("collateral[1] repeats asset#0 of collateral[0]*");
        FluentActions.Invoking(() => MarginCalculator.Evaluate([], [new(new AssetId(1), 1.0), new(new AssetId(1), 2.0)], Prices, Table))
            .Should().Throw<ArgumentException>().WithMessage("debts[1] repeats asset#1 of debts[0]*");
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Bad_at_risk_band_is_rejected(double band) =>
        FluentActions.Invoking(() => MarginCalculator.Evaluate([], [], Prices, Table, band))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("atRiskBand");

    [Fact]
    public void Null_table_is_rejected() =>
        FluentActions.Invoking(() => MarginCalculator.Evaluate([], [], Prices, null!)).Should().Throw<ArgumentNullException>();
}
