using CascadeGuard.Depth;

namespace CascadeGuard.Tests.Depth;

public class LiquiditySensitivityTests
{
    [Fact]
    public void Kyle_lambda_recovers_the_slope_of_exact_synthetic_data()
    {
        // ΔP = 0.05 + 0.002·v exactly.
        double[] volumes = [-300, -120, 0, 45, 80, 210, 500];
        var changes = volumes.Select(v => 0.05 + (0.002 * v)).ToArray();
        LiquiditySensitivity.TryKyleLambda(volumes, changes, out var fit).Should().BeTrue();
        fit.Lambda.Should().BeApproximately(0.002, 1e-15);
        fit.Intercept.Should().BeApproximately(0.05, 1e-13);
        fit.RSquared.Should().BeApproximately(1, 1e-12);
        fit.Observations.Should().Be(7);
    }

    [Fact]
    public void Kyle_lambda_recovers_a_known_slope_through_noise()
    {
        // 20,000 intervals, λ = 3e-4, noise N(0, 0.05²) from a seeded generator: the OLS slope's standard error is
        // σ_ε / (σ_v·√n) = 0.05 / (100·141) ≈ 3.5e-6, so 2e-5 is more than five standard errors.
        var random = new Random(20_240_101);
        var n = 20_000;
        var volumes = new double[n];
        var changes = new double[n];
        for (var i = 0; i < n; i++)
        {
            volumes[i] = (random.NextDouble() - 0.5) * 100 * Math.Sqrt(12);
            changes[i] = (3e-4 * volumes[i]) + (0.05 * Gaussian(random));
        }

        LiquiditySensitivity.TryKyleLambda(volumes, changes, out var fit).Should().BeTrue();
        fit.Lambda.Should().BeApproximately(3e-4, 2e-5);
        fit.Intercept.Should().BeApproximately(0, 2e-3);
        fit.RSquared.Should().BeInRange(0.2, 0.5);
    }

    [Fact]
    public void Kyle_lambda_needs_variation_and_three_intervals()
    {
        LiquiditySensitivity.TryKyleLambda([1, 2], [0.1, 0.2], out _).Should().BeFalse();
        LiquiditySensitivity.TryKyleLambda([5, 5, 5], [0.1, 0.2, 0.3], out var none).Should().BeFalse();
        none.Should().Be(default(KyleLambdaEstimate));
        // Flat prices: λ = 0 and the fit explains all (no) variance.
        LiquiditySensitivity.TryKyleLambda([1, 2, 3], [0, 0, 0], out var flat).Should().BeTrue();
        flat.Lambda.Should().Be(0);
    }

    [Fact]
    public void Amihud_by_hand()
    {
        // |0.01|/1e6 = 1e-8, |−0.03|/2e6 = 1.5e-8, the zero-volume interval is skipped: mean 1.25e-8,
        // sample standard deviation |1e-8 − 1.5e-8|/√2.
        LiquiditySensitivity.TryAmihud([0.01, -0.03, 0.5], [1e6, 2e6, 0], out var a).Should().BeTrue();
        a.Illiquidity.Should().BeApproximately(1.25e-8, 1e-22);
        a.StandardDeviation.Should().BeApproximately(0.5e-8 / Math.Sqrt(2), 1e-22);
        a.Observations.Should().Be(2);
        LiquiditySensitivity.TryAmihud([0.01], [0], out _).Should().BeFalse();
        LiquiditySensitivity.TryAmihud([0.02], [4], out var one).Should().BeTrue();
        one.StandardDeviation.Should().Be(0);
    }

    [Fact]
    public void Bad_inputs_throw_naming_the_array_and_index()
    {
        FluentActions.Invoking(() => LiquiditySensitivity.TryKyleLambda(null!, [1], out _)).Should().Throw<ArgumentNullException>().WithParameterName("signedVolumes");
        FluentActions.Invoking(() => LiquiditySensitivity.TryKyleLambda([1, 2], [1], out _)).Should().Throw<ArgumentException>().WithParameterName("priceChanges");
        FluentActions.Invoking(() => LiquiditySensitivity.TryKyleLambda([1, double.NaN, 3], [1, 2, 3], out _)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("signedVolumes[1]");
        FluentActions.Invoking(() => LiquiditySensitivity.TryAmihud([1, 2], [1, -1], out _)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("notionalVolumes[1]");
        FluentActions.Invoking(() => LiquiditySensitivity.TryAmihud([double.PositiveInfinity], [1], out _)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("returns[0]");
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
