using CascadeGuard.Depth;

namespace CascadeGuard.Tests.Depth;

public class VpinTests
{
    // Φ(1) and Φ(−2) from standard normal tables (Abramowitz and Stegun 26.2), to 16 digits.
    private const double PhiOne = 0.8413447460685429;
    private const double PhiMinusTwo = 0.02275013194817921;

    [Fact]
    public void Hand_computed_example()
    {
        // V = 10, n = 2, σ_ΔP = 1.
        // (100, 5): first observation, split evenly → bucket 1 holds 5, of which 2.5 buys.
        // (101, 10): ΔP = +1, buy share Φ(1). 5 completes bucket 1 (buys 2.5 + 5Φ(1)); 5 starts bucket 2 (buys 5Φ(1)).
        // (99, 5): ΔP = −2, buy share Φ(−2); completes bucket 2 (buys 5Φ(1) + 5Φ(−2)).
        // VPIN = (|2·b₁ − 10| + |2·b₂ − 10|) / (2·10).
        var vpin = new VpinEstimator(new VpinOptions { BucketVolume = 10, WindowBuckets = 2, PriceChangeStandardDeviation = 1 });
        vpin.Observe(100, 5);
        vpin.Observe(101, 10);
        vpin.TryGetVpin(out _).Should().BeFalse();
        vpin.CompletedBuckets.Should().Be(1);
        vpin.Observe(99, 5);
        var b1 = 2.5 + (5 * PhiOne);
        var b2 = (5 * PhiOne) + (5 * PhiMinusTwo);
        var expected = (Math.Abs((2 * b1) - 10) + Math.Abs((2 * b2) - 10)) / 20;
        vpin.TryGetVpin(out var value).Should().BeTrue();
        value.Should().BeApproximately(expected, 1e-14);
        // b₁ = 6.70672373, b₂ = 4.32047439: (3.41344746 + 1.35905121) / 20.
        expected.Should().BeApproximately(0.23862493, 1e-8);
        vpin.CompletedBuckets.Should().Be(2);
        vpin.CurrentBucketVolume.Should().Be(0);
    }

    [Fact]
    public void One_sided_flow_is_fully_toxic_and_balanced_flow_is_not()
    {
        var rising = new VpinEstimator(new VpinOptions { BucketVolume = 1, WindowBuckets = 10 });
        for (var i = 0; i < 50; i++)
        {
            rising.Observe(100 + i, 1);
        }

        // Every change is +1 and σ of identical changes is 0: all volume is classified as buying.
        rising.TryGetVpin(out var toxic).Should().BeTrue();
        toxic.Should().BeApproximately(1, 1e-12);

        var flat = new VpinEstimator(new VpinOptions { BucketVolume = 1, WindowBuckets = 10, PriceChangeStandardDeviation = 0.5 });
        for (var i = 0; i < 50; i++)
        {
            flat.Observe(100, 1);
        }

        flat.TryGetVpin(out var calm).Should().BeTrue();
        calm.Should().Be(0);
    }

    [Fact]
    public void A_trade_larger_than_the_window_fills_it_with_identical_buckets()
    {
        var vpin = new VpinEstimator(new VpinOptions { BucketVolume = 2, WindowBuckets = 5, PriceChangeStandardDeviation = 1 });
        vpin.Observe(100, 0);
        vpin.Observe(101, 1_000_001);
        vpin.CompletedBuckets.Should().Be(500_000);
        vpin.CurrentBucketVolume.Should().Be(1);
        vpin.TryGetVpin(out var value).Should().BeTrue();
        value.Should().BeApproximately((2 * PhiOne) - 1, 1e-14);
    }

    [Fact]
    public void Long_streams_keep_a_bounded_exact_sum()
    {
        var vpin = new VpinEstimator(new VpinOptions { BucketVolume = 3, WindowBuckets = 7 });
        var random = new Random(7);
        var price = 100.0;
        for (var i = 0; i < 200_000; i++)
        {
            price = Math.Max(1, price + (random.NextDouble() - 0.5));
            vpin.Observe(price, random.NextDouble() * 5);
        }

        vpin.TryGetVpin(out var value).Should().BeTrue();
        value.Should().BeInRange(0, 1);
    }

    [Fact]
    public void Bad_inputs_throw_and_change_nothing()
    {
        var vpin = new VpinEstimator(new VpinOptions { BucketVolume = 10, WindowBuckets = 2, PriceChangeStandardDeviation = 1 });
        vpin.Observe(100, 5);
        FluentActions.Invoking(() => vpin.Observe(double.NaN, 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("price");
        FluentActions.Invoking(() => vpin.Observe(0, 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("price");
        FluentActions.Invoking(() => vpin.Observe(100, -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("volume");
        vpin.CurrentBucketVolume.Should().Be(5);
        FluentActions.Invoking(() => new VpinEstimator(null!)).Should().Throw<ArgumentNullException>().WithParameterName("options");
        FluentActions.Invoking(() => new VpinEstimator(new VpinOptions { BucketVolume = 0 })).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("BucketVolume");
        FluentActions.Invoking(() => new VpinEstimator(new VpinOptions { WindowBuckets = 0 })).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("WindowBuckets");
        FluentActions.Invoking(() => new VpinEstimator(new VpinOptions { PriceChangeStandardDeviation = double.NaN })).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("PriceChangeStandardDeviation");
    }
}
