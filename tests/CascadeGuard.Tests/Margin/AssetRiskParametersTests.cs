using CascadeGuard.Margin;
using CascadeGuard.Primitives;

namespace CascadeGuard.Tests.Margin;

public class AssetRiskParametersTests
{
    [Theory]
    [InlineData(0.8, 0.85, 0.05)]
    [InlineData(0.0, 0.5, 0.0)]
    [InlineData(0.9, 0.9, 0.1)] // LTV may equal the threshold; 0.9 × 1.1 = 0.99 < 1
    public void Valid_parameters_are_kept(double ltv, double threshold, double penalty)
    {
        var p = new AssetRiskParameters(ltv, threshold, penalty);
        p.LoanToValue.Should().Be(ltv);
        p.LiquidationThreshold.Should().Be(threshold);
        p.LiquidationPenalty.Should().Be(penalty);
        p.SizeSchedule.Should().BeNull();
    }

    [Theory]
    [InlineData(0.8, 0.0, 0.05, "liquidationThreshold")]
    [InlineData(0.8, 1.0, 0.0, "liquidationThreshold")]
    [InlineData(0.8, double.NaN, 0.05, "liquidationThreshold")]
    [InlineData(0.9, 0.85, 0.05, "loanToValue")] // LTV above the threshold
    [InlineData(-0.1, 0.85, 0.05, "loanToValue")]
    [InlineData(double.NaN, 0.85, 0.05, "loanToValue")]
    [InlineData(0.8, 0.85, -0.01, "liquidationPenalty")]
    [InlineData(0.8, 0.85, double.PositiveInfinity, "liquidationPenalty")]
    [InlineData(0.8, 0.95, 0.06, "liquidationPenalty")] // 0.95 × 1.06 ≥ 1: a liquidation would lower health
    public void Invalid_parameters_are_rejected_naming_the_field(double ltv, double threshold, double penalty, string field)
    {
        var act = () => new AssetRiskParameters(ltv, threshold, penalty);
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(field);
    }

    [Fact]
    public void Schedule_only_tightens_the_threshold()
    {
        // Threshold 0.9 (10 % requirement) with a schedule whose rate starts at 1 %: small positions keep 10 %.
        var tiers = TieredMaintenanceSchedule.FromRates([0, 1_000_000], [0.01, 0.2]);
        var p = new AssetRiskParameters(0.8, 0.9, 0.05, tiers);
        p.MaintenanceRequirement(10_000).Should().BeApproximately(1_000, 1e-9);
        p.RiskAdjustedValue(10_000).Should().BeApproximately(9_000, 1e-9);

        // At 10,000,000 the schedule needs 2,000,000 − 190,000 = 1,810,000 > 1,000,000.
        p.MaintenanceRequirement(10_000_000).Should().BeApproximately(1_810_000, 1e-6);
        p.RiskAdjustedValue(10_000_000).Should().BeApproximately(8_190_000, 1e-6);
    }

    [Fact]
    public void Table_indexes_parameters_by_asset_and_rejects_unknown_assets()
    {
        var eth = new AssetRiskParameters(0.8, 0.85, 0.05);
        var table = new RiskParameterTable([eth, null]);
        table.AssetCount.Should().Be(2);
        table[new AssetId(0)].Should().BeSameAs(eth);
        table[new AssetId(1)].Should().BeNull();
        table.HasSizeSchedules.Should().BeFalse();
        FluentActions.Invoking(() => table[new AssetId(2)]).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new RiskParameterTable([])).Should().Throw<ArgumentException>();
    }
}
