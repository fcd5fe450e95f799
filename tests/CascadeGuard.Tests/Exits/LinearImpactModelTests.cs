using CascadeGuard.Exits;

namespace CascadeGuard.Tests.Exits;

public class LinearImpactModelTests
{
    private static readonly LinearImpactModel Model = new(2, 0.1, 1, 0.5);

    [Fact]
    public void Cost_by_hand_for_a_two_interval_trajectory()
    {
        // x = (10, 4, 0), T = 2 → τ = 1, n = (6, 4).
        // E = γ(4·6 + 0·4) + ε(6 + 4) + (η/τ)(36 + 16) = 2.4 + 5 + 52 = 59.4; V = σ²τ(16 + 0) = 64.
        var cost = Model.Cost([10, 4, 0], 2);
        cost.Expected.Should().BeApproximately(59.4, 1e-12);
        cost.Variance.Should().Be(64);
        cost.StandardDeviation.Should().Be(8);
        cost.Utility(0.5).Should().BeApproximately(91.4, 1e-12);
    }

    [Fact]
    public void Unsold_remainder_carries_price_risk_but_no_trading_cost()
    {
        // x = (10, 4, 3), T = 2: n = (6, 1). E = 0.1(4·6 + 3·1) + 0.5·7 + 37 = 43.2; V = 4(16 + 9) = 100.
        var cost = Model.Cost([10, 4, 3], 2);
        cost.Expected.Should().BeApproximately(43.2, 1e-12);
        cost.Variance.Should().Be(100);
    }

    [Fact]
    public void Corrected_temporary_impact_subtracts_half_the_permanent_impact_per_interval()
    {
        Model.CorrectedTemporaryImpact(4).Should().Be(1 - 0.2);
        Model.Invoking(m => m.CorrectedTemporaryImpact(0)).Should().Throw<ArgumentOutOfRangeException>()
            .Which.ParamName.Should().Be("intervalLength");
    }

    [Theory]
    [InlineData(double.NaN, 0, 1, 0, "volatility")]
    [InlineData(-1, 0, 1, 0, "volatility")]
    [InlineData(1, double.PositiveInfinity, 1, 0, "permanentImpact")]
    [InlineData(1, -1e-9, 1, 0, "permanentImpact")]
    [InlineData(1, 0, 0, 0, "temporaryImpact")]
    [InlineData(1, 0, double.NaN, 0, "temporaryImpact")]
    [InlineData(1, 0, 1, -0.01, "fixedCost")]
    public void Bad_coefficients_throw_naming_them(double sigma, double gamma, double eta, double epsilon, string name)
    {
        var act = () => new LinearImpactModel(sigma, gamma, eta, epsilon);
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(name);
    }

    [Fact]
    public void Cost_rejects_bad_input()
    {
        Model.Invoking(m => m.Cost([1, double.NaN, 0], 1)).Should().Throw<ArgumentOutOfRangeException>()
            .Which.ParamName.Should().Be("holdings[1]");
        Model.Invoking(m => m.Cost([1, 0], 0)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("horizon");
        Model.Invoking(m => m.Cost([1], 1)).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("holdings");
        default(LinearImpactModel).Invoking(m => m.Cost([1, 0], 1)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Equality_is_by_value()
    {
        (Model == new LinearImpactModel(2, 0.1, 1, 0.5)).Should().BeTrue();
        (Model != new LinearImpactModel(2, 0.1, 1, 0.25)).Should().BeTrue();
        Model.Equals((object)new LinearImpactModel(2, 0.1, 1, 0.5)).Should().BeTrue();
        Model.GetHashCode().Should().Be(new LinearImpactModel(2, 0.1, 1, 0.5).GetHashCode());
    }
}
