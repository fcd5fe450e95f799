using CascadeGuard.Simulation.Data;
using CascadeGuard.Simulation.Market;

namespace CascadeGuard.Tests.Simulation;

public class DepthProfileTests
{
    [Fact]
    public void Depth_and_distance_are_inverse_and_scaled_at_the_reference()
    {
        var profile = DepthProfile.WithDepthAt(1.5, 0.02, 1_000);
        profile.UnitsWithin(0.02).Should().BeApproximately(1_000, 1e-9);

        // Q(0.08) = 1,000 · 4^1.5 = 8,000
        profile.UnitsWithin(0.08).Should().BeApproximately(8_000, 1e-9);
        profile.DistanceAt(8_000).Should().BeApproximately(0.08, 1e-15);
        profile.DistanceAt(profile.Scale * 2).Should().Be(1);
        profile.DistanceAt(0).Should().Be(0);
    }

    [Fact]
    public void Mean_distance_equals_the_integral_of_the_marginal_distance()
    {
        var profile = DepthProfile.WithDepthAt(1.33, 0.02, 500);
        double from = 120, to = 2_345;
        var n = 200_000;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += profile.DistanceAt(from + ((i + 0.5) * (to - from) / n));
        }

        profile.MeanDistance(from, to).Should().BeApproximately(sum / n, 1e-9);

        // β = 1: δ(x) = x/A, mean over [0, x] is x/(2A).
        var linear = new DepthProfile(1, 1_000);
        linear.MeanDistance(0, 100).Should().BeApproximately(0.05, 1e-15);
        linear.MeanDistance(50, 50 + 1e-12).Should().BeApproximately(0.05, 1e-12);
    }

    [Fact]
    public void Fit_recovers_the_recorded_xrp_book_exponent()
    {
        // Independent check: numpy-free least squares in Python over the same 2,500 (δ, Q) pairs gave β = 1.3294.
        var fit = DepthFit.Default;
        fit.Points.Should().Be(2_500);
        fit.Exponent.Should().BeApproximately(1.3294, 1e-4);
        fit.RSquared.Should().BeInRange(0.9, 1);
        fit.MaxDistance.Should().BeInRange(0.002, 0.003, "the top 50 levels cover ±0.25 % of mid");
    }

    [Fact]
    public void Btc_book_fit_is_reported_but_is_dominated_by_its_first_level()
    {
        var fit = DepthFit.Fit(EmbeddedData.BinanceBtcBook, "bid", 25);
        fit.Points.Should().Be(250);
        fit.Exponent.Should().BeApproximately(0.107, 1e-3);
        fit.MaxDistance.Should().BeLessThan(0.0004);
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(double.NaN, 1.0)]
    [InlineData(1.0, 0.0)]
    [InlineData(1.0, double.PositiveInfinity)]
    public void Bad_parameters_are_refused(double exponent, double scale)
    {
        var act = () => new DepthProfile(exponent, scale);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
