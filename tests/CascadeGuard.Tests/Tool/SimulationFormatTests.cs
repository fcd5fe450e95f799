using CascadeGuard.Simulation.Runs;
using CascadeGuard.Tool.Simulate;

namespace CascadeGuard.Tests.Tool;

public class SimulationFormatTests
{
    [Theory]
    [InlineData((int)Metric.BadDebt, 602_262_684.4, "602.3 M")]
    [InlineData((int)Metric.SaleProceeds, 5_547_529_850.0, "5.55 G")]
    [InlineData((int)Metric.BadDebt, -1_250_000.0, "-1.3 M")]
    [InlineData((int)Metric.AccountsLiquidated, 83_635.81, "83,636")]
    [InlineData((int)Metric.CollateralSold, 3_743_031.9, "3.7 M")]
    [InlineData((int)Metric.CollateralSold, 9_999.94, "9,999.9")]
    [InlineData((int)Metric.MinPrice, 1_052.994, "1,052.99")]
    [InlineData((int)Metric.InducedDrawdown, 0.10274, "10.27 %")]
    [InlineData((int)Metric.BadDebt, double.NaN, "n/a")]
    public void The_terminal_table_abbreviates_millions_and_billions_and_nothing_else(int metric, double value, string expected) =>
        SimulationFormat.Compact(MetricInfo.All[metric], value).Should().Be(expected);
}
