using CascadeGuard.Depth;

namespace CascadeGuard.Tests.Depth;

public class ResilienceTests
{
    private static readonly DateTimeOffset T0 = new(2024, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly ResilienceModel Model = new(TimeSpan.FromSeconds(30));

    [Fact]
    public void Half_of_the_consumed_depth_is_back_after_one_half_life()
    {
        Model.RemainingFraction(TimeSpan.FromSeconds(30)).Should().Be(0.5);
        Model.RecoveredFraction(TimeSpan.FromSeconds(30)).Should().Be(0.5);
        Model.RecoveredFraction(TimeSpan.FromSeconds(90)).Should().Be(0.875);
        Model.RemainingFraction(TimeSpan.Zero).Should().Be(1);
        // 100 sold from 400 resting: 350 available one half-life later, 387.5 after three.
        DepthConsumption[] sold = [new(T0, 100)];
        Model.AvailableDepth(400, sold, T0).Should().Be(300);
        Model.AvailableDepth(400, sold, T0.AddSeconds(30)).Should().Be(350);
        Model.AvailableDepth(400, sold, T0.AddSeconds(90)).Should().Be(387.5);
    }

    [Fact]
    public void Consumptions_add_up_and_never_push_depth_below_zero()
    {
        DepthConsumption[] sold = [new(T0, 100), new(T0.AddSeconds(30), 40)];
        // At t = 60: 100·¼ + 40·½ = 45.
        Model.MissingDepth(sold, T0.AddSeconds(60)).Should().Be(45);
        Model.AvailableDepth(30, sold, T0.AddSeconds(60)).Should().Be(0);
    }

    [Fact]
    public void Time_until_recovery_is_exact_to_the_tick()
    {
        Model.TryTimeUntil(100, 25, out var wait).Should().BeTrue();
        wait.Should().Be(TimeSpan.FromSeconds(60));
        Model.TryTimeUntil(100, 30, out var odd).Should().BeTrue();
        Model.Decay(100, odd).Should().BeLessThanOrEqualTo(30);
        Model.Decay(100, odd - TimeSpan.FromTicks(1)).Should().BeGreaterThan(30);
        Model.TryTimeUntil(10, 25, out var none).Should().BeTrue();
        none.Should().Be(TimeSpan.Zero);
        Model.TryTimeUntil(10, 0, out _).Should().BeFalse();
        Model.TryTimeUntil(0, 0, out var zero).Should().BeTrue();
        zero.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Bad_inputs_throw_naming_the_field()
    {
        FluentActions.Invoking(() => new ResilienceModel(TimeSpan.Zero)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("halfLife");
        FluentActions.Invoking(() => Model.RemainingFraction(TimeSpan.FromSeconds(-1))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("elapsed");
        FluentActions.Invoking(() => Model.Decay(double.NaN, TimeSpan.Zero)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("consumed");
        FluentActions.Invoking(() => Model.MissingDepth([new(T0.AddSeconds(1), 1)], T0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("consumptions[0].Time");
        FluentActions.Invoking(() => Model.MissingDepth([new(T0, 1), new(T0, -1)], T0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("consumptions[1].Quantity");
        FluentActions.Invoking(() => Model.AvailableDepth(-1, [], T0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("restingDepth");
        FluentActions.Invoking(() => Model.TryTimeUntil(1, double.NaN, out _)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("target");
    }

    [Fact]
    public void Half_life_is_recovered_from_snapshots_of_an_exponential_refill()
    {
        // Resting depth 500; 200 missing at the depletion, refilling with a 20 s half-life; a snapshot every 2 s.
        var times = Enumerable.Range(0, 30).Select(i => T0.AddSeconds(2 * i)).ToArray();
        var depths = times.Select(t => 500 - (200 * Math.Pow(2, -(t - T0).TotalSeconds / 20))).ToArray();
        HalfLifeEstimator.TryEstimate(times, depths, 500, out var fit).Should().BeTrue();
        fit.HalfLife.TotalSeconds.Should().BeApproximately(20, 1e-9);
        fit.RatePerSecond.Should().BeApproximately(Math.Log(2) / 20, 1e-12);
        fit.InitialDeficit.Should().BeApproximately(200, 1e-8);
        fit.RSquared.Should().BeApproximately(1, 1e-12);
        fit.Observations.Should().Be(30);
    }

    [Fact]
    public void Half_life_ignores_recovered_snapshots_and_refuses_when_there_is_no_recovery()
    {
        var times = Enumerable.Range(0, 6).Select(i => T0.AddSeconds(i)).ToArray();
        // Two snapshots at or above resting depth are left out; the rest halve every second.
        HalfLifeEstimator.TryEstimate(times, [300, 350, 375, 400, 420, 387.5], 400, out var fit).Should().BeTrue();
        fit.Observations.Should().Be(4);
        HalfLifeEstimator.TryEstimate(times, [300, 290, 280, 270, 260, 250], 400, out _).Should().BeFalse();
        HalfLifeEstimator.TryEstimate(times.AsSpan(0, 2), [300, 350], 400, out _).Should().BeFalse();
        HalfLifeEstimator.TryEstimate([T0, T0, T0], [300, 350, 375], 400, out _).Should().BeFalse();
    }

    [Fact]
    public void Half_life_estimator_rejects_bad_snapshots()
    {
        FluentActions.Invoking(() => HalfLifeEstimator.TryEstimate([T0, T0], [1], 2, out _)).Should().Throw<ArgumentException>().WithParameterName("depths");
        FluentActions.Invoking(() => HalfLifeEstimator.TryEstimate([T0, T0.AddSeconds(-1)], [1, 1], 2, out _)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("times[1]");
        FluentActions.Invoking(() => HalfLifeEstimator.TryEstimate([T0], [double.NaN], 2, out _)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("depths[0]");
        FluentActions.Invoking(() => HalfLifeEstimator.TryEstimate([T0], [1], 0, out _)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("restingDepth");
    }
}
