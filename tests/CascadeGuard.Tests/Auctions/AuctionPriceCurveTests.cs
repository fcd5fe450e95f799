using CascadeGuard.Auctions;

namespace CascadeGuard.Tests.Auctions;

public class AuctionPriceCurveTests
{
    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    [Theory]
    // Linear, D = 100 s, P₀ = 120: P = 120 (1 − t/100).
    [InlineData(0.0, "120")]
    [InlineData(25.0, "90")]
    [InlineData(50.0, "60")]
    [InlineData(99.0, "1.2")]
    [InlineData(100.0, "0")]
    [InlineData(150.0, "0")]
    public void Linear_falls_in_a_straight_line_to_zero(double seconds, string expected) =>
        AuctionPriceCurve.Linear(S(100)).Price(120m, 0m, S(seconds), 8).Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Linear_holds_at_the_floor_and_rounds_up()
    {
        var curve = AuctionPriceCurve.Linear(S(100));
        curve.Price(120m, 30m, S(75), 8).Should().Be(30m);   // 30 exactly
        curve.Price(120m, 30m, S(80), 8).Should().Be(30m);   // 24 → floor
        curve.Price(120m, 30m, S(70), 8).Should().Be(36m);
        AuctionPriceCurve.Linear(S(3)).Price(100m, 0m, S(1), 2).Should().Be(66.67m); // 66.666… rounded up
    }

    [Theory]
    // Stair step, c = 0.99 per 90 s, P₀ = 120: 120 · 0.99^⌊t/90⌋.
    [InlineData(0.0, "120")]
    [InlineData(89.9999999, "120")]
    [InlineData(90.0, "118.8")]
    [InlineData(179.9999999, "118.8")]
    [InlineData(180.0, "117.612")]
    [InlineData(270.0, "116.43588")]
    public void Stair_step_cuts_at_the_end_of_every_step(double seconds, string expected) =>
        AuctionPriceCurve.StairStepExponential(0.99, S(90)).Price(120m, 0m, S(seconds), 8)
            .Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    // Continuous, c = 0.5 per 60 s, P₀ = 100: 100 · 2^(−t/60), rounded up to 8 places.
    [InlineData(0.0, "100")]
    [InlineData(30.0, "70.71067812")]   // 70.710678118654752…
    [InlineData(60.0, "50")]
    [InlineData(90.0, "35.35533906")]   // 35.355339059327376…
    [InlineData(120.0, "25")]
    public void Exponential_falls_continuously(double seconds, string expected) =>
        AuctionPriceCurve.Exponential(0.5, S(60)).Price(100m, 0m, S(seconds), 8)
            .Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Factor_starts_at_one_for_every_kind()
    {
        AuctionPriceCurve.Linear(S(1)).Factor(TimeSpan.Zero).Should().Be(1m);
        AuctionPriceCurve.StairStepExponential(0.5, S(1)).Factor(TimeSpan.Zero).Should().Be(1m);
        AuctionPriceCurve.Exponential(0.5, S(1)).Factor(TimeSpan.Zero).Should().Be(1m);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.0)]
    [InlineData(0.9999999999)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Cut_outside_zero_to_max_cut_throws(double cut)
    {
        var stair = () => AuctionPriceCurve.StairStepExponential(cut, S(1));
        stair.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("cut");
        var exponential = () => AuctionPriceCurve.Exponential(cut, S(1));
        exponential.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("cut");
    }

    [Fact]
    public void Largest_cut_and_e_folding_time_are_accepted_and_one_beyond_is_not()
    {
        AuctionPriceCurve.StairStepExponential(AuctionPriceCurve.MaxCut, S(1)).Cut.Should().Be(AuctionPriceCurve.MaxCut);

        // e-folding time s/(−ln c): c = e^(−1), s = 100 days is exactly the limit; one day more is refused.
        AuctionPriceCurve.Exponential(Math.Exp(-1), TimeSpan.FromDays(99.999)).Kind.Should().Be(AuctionCurveKind.Exponential);
        var tooSlow = () => AuctionPriceCurve.Exponential(Math.Exp(-1), TimeSpan.FromDays(101));
        tooSlow.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("step");
    }

    [Fact]
    public void Bad_arguments_throw_naming_them()
    {
        var curve = AuctionPriceCurve.Linear(S(10));
        curve.Invoking(c => c.Price(0m, 0m, S(1), 8)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("startPrice");
        curve.Invoking(c => c.Price(10m, -1m, S(1), 8)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("floorPrice");
        curve.Invoking(c => c.Price(10m, 11m, S(1), 8)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("floorPrice");
        curve.Invoking(c => c.Price(10m, 0m, S(1), 29)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("decimals");
        curve.Invoking(c => c.Price(10m, 0m, S(-1), 8)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("elapsed");
        default(AuctionPriceCurve).Invoking(c => c.Factor(S(1))).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("curve");
        var zeroDuration = () => AuctionPriceCurve.Linear(TimeSpan.Zero);
        zeroDuration.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("duration");
        var zeroStep = () => AuctionPriceCurve.StairStepExponential(0.5, TimeSpan.Zero);
        zeroStep.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("step");
    }

    [Fact]
    public void Price_by_clock_times_equals_price_by_elapsed_time()
    {
        var curve = AuctionPriceCurve.Linear(S(100));
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        curve.Price(120m, 0m, start, start.AddSeconds(25), 8).Should().Be(90m);
        curve.Price(120m, 0m, start, start, 8).Should().Be(120m);
        curve.Invoking(c => c.Price(120m, 0m, start, start.AddTicks(-1), 8)).Should().Throw<ArgumentOutOfRangeException>()
            .Which.ParamName.Should().Be("now");
    }

    [Fact]
    public void Equality_and_text()
    {
        (AuctionPriceCurve.Linear(S(5)) == AuctionPriceCurve.Linear(S(5))).Should().BeTrue();
        (AuctionPriceCurve.Exponential(0.5, S(5)) != AuctionPriceCurve.StairStepExponential(0.5, S(5))).Should().BeTrue();
        AuctionPriceCurve.Linear(S(5)).Equals((object)AuctionPriceCurve.Linear(S(5))).Should().BeTrue();
        AuctionPriceCurve.Linear(S(5)).GetHashCode().Should().Be(AuctionPriceCurve.Linear(S(5)).GetHashCode());
        AuctionPriceCurve.Linear(S(5)).ToString().Should().Be("Linear(duration 00:00:05)");
        AuctionPriceCurve.StairStepExponential(0.99, S(90)).ToString().Should().Be("StairStepExponential(cut 0.99, step 00:01:30)");
    }
}
