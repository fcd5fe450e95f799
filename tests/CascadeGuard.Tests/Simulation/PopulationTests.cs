using CascadeGuard.Simulation.Population;
using MathNet.Numerics.Statistics;

namespace CascadeGuard.Tests.Simulation;

public class PopulationTests
{
    [Fact]
    public void Size_fit_reproduces_the_compound_liquidation_figures()
    {
        // Independent check (Python statistics on the same CSV): median 7,634.445, population SD of logs 2.2411,
        // sample SD 2.2502, mean of logs 9.5416, largest 46,142,428.6, 124 borrowers.
        var sizes = SizeDistribution.Compound;
        sizes.Samples.Should().Be(124);
        sizes.Median.Should().BeApproximately(7_634.445, 1e-6);
        sizes.LogStandardDeviation.Should().BeApproximately(2.2411, 1e-4);
        sizes.Cap.Should().Be(46_142_428.6);
    }

    [Fact]
    public void Generated_population_follows_the_laws_and_is_seeded()
    {
        var parameters = new PopulationParameters { Accounts = 20_000 };
        var a = AccountPopulation.Generate(parameters, 2000, 0.83, 11);
        var b = AccountPopulation.Generate(parameters, 2000, 0.83, 11);
        a.Collateral.Should().Equal(b.Collateral);
        a.Debt.Should().Equal(b.Debt);

        var value = a.Collateral.Select(q => (double)q * 2000).ToArray();
        value.Median().Should().BeInRange(7_634 * 0.93, 7_634 * 1.07);
        value.Select(v => Math.Log(v)).PopulationStandardDeviation().Should().BeInRange(2.1, 2.3, "slightly under σ: draws above the cap are redrawn");
        value.Max().Should().BeLessThanOrEqualTo(46_142_428.6 * 1.000001);

        var health = a.Collateral.Zip(a.Debt, (q, d) => (double)q * 2000 * 0.83 / (double)d).ToArray();
        health.Min().Should().BeGreaterThan(1, "nobody starts liquidatable");
        health.Median().Should().BeApproximately(parameters.MedianHealthFactor, 0.02);
    }

    [Theory]
    [InlineData(2, 1.66)]
    [InlineData(3, 1.245)]
    [InlineData(4, 1.106667)]
    public void Median_leverage_sets_the_median_health_factor(double leverage, double health)
    {
        var parameters = new PopulationParameters().WithMedianLeverage(leverage, 0.83);
        parameters.MedianHealthFactor.Should().BeApproximately(health, 1e-5);
        parameters.MedianLeverage(0.83).Should().BeApproximately(leverage, 1e-9);
    }

    [Fact]
    public void Default_health_law_has_median_141()
    {
        new PopulationParameters().MedianHealthFactor.Should().BeApproximately(1.414, 1e-3);
        var act = () => new PopulationParameters().WithMedianLeverage(8, 0.83);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*median health factor*");
    }
}
