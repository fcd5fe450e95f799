using CascadeGuard.Margin;
using CascadeGuard.Primitives;

namespace CascadeGuard.Tests.Margin;

public class SmokeTests
{
    [Fact]
    public void Single_collateral_health_factor()
    {
        var table = new RiskParameterTable([new AssetRiskParameters(0.8, 0.85, 0.05), null]);
        CollateralPosition[] collateral = [new(new AssetId(0), 2.0)];
        DebtPosition[] debts = [new(new AssetId(1), 3000.0)];
        double[] prices = [2000.0, 1.0];
        var e = MarginCalculator.Evaluate(collateral, debts, prices, table);
        e.HealthFactor.Should().BeApproximately(3400.0 / 3000.0, 1e-15);
    }
}
