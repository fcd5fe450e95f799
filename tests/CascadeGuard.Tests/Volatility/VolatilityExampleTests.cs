using CascadeGuard.Tests.Support;
using CascadeGuard.Volatility;

namespace CascadeGuard.Tests.Volatility;

/// <summary>
/// Hand-computed examples. The bars are given in log space (price = 100·eˣ), so every log ratio below is a short
/// decimal and each expected value is plain arithmetic on them:
/// bar 1: o 0, h 0.02, l −0.01, c 0.01; bar 2: o 0.015, h 0.04, l 0.005, c 0.03; bar 3: o 0.02, h 0.035, l −0.005, c 0.
/// </summary>
[Collection(AllocationMeasurements.Name)]
public class VolatilityExampleTests
{
    private const double Tolerance = 1e-13;
    private static readonly double Ln2 = Math.Log(2);

    private static readonly OhlcBar[] Bars =
    [
        LogBar(0, 0.02, -0.01, 0.01),
        LogBar(0.015, 0.04, 0.005, 0.03),
        LogBar(0.02, 0.035, -0.005, 0),
    ];

    private static OhlcBar LogBar(double o, double h, double l, double c) =>
        new(100 * Math.Exp(o), 100 * Math.Exp(h), 100 * Math.Exp(l), 100 * Math.Exp(c));

    private static double Feed(IVolatilityEstimator estimator, ReadOnlySpan<OhlcBar> bars)
    {
        foreach (var bar in bars)
        {
            estimator.Update(bar);
        }

        return estimator.Variance;
    }

    [Fact]
    public void Close_to_close()
    {
        // Returns 0.02 and −0.03; mean −0.005; deviations ±0.025; sample variance 2 × 0.025² / 1 = 0.00125.
        Feed(new CloseToCloseVolatility(2), Bars).Should().BeApproximately(0.00125, Tolerance);
        VolatilityEstimators.CloseToClose(Bars).Should().BeApproximately(0.00125, Tolerance);
    }

    [Fact]
    public void Ewma_riskmetrics()
    {
        // σ²₁ = 0.02² = 0.0004; σ²₂ = 0.94 × 0.0004 + 0.06 × 0.03² = 0.000376 + 0.000054 = 0.00043.
        var e = new EwmaVolatility();
        e.Lambda.Should().Be(0.94);
        Feed(e, Bars).Should().BeApproximately(0.00043, Tolerance);
        e.Count.Should().Be(2);
        VolatilityEstimators.Ewma(Bars).Should().BeApproximately(0.00043, Tolerance);
        VolatilityEstimators.Ewma(Bars, 0.5).Should().BeApproximately((0.5 * 0.0004) + (0.5 * 0.0009), Tolerance);
    }

    [Fact]
    public void Parkinson()
    {
        // ln H/L = 0.03, 0.035, 0.04; squares sum to 0.0009 + 0.001225 + 0.0016 = 0.003725; mean over 3, / 4 ln 2.
        var expected = 0.003725 / 3 / (4 * Ln2);
        Feed(new ParkinsonVolatility(3), Bars).Should().BeApproximately(expected, Tolerance);
        VolatilityEstimators.Parkinson(Bars).Should().BeApproximately(expected, Tolerance);
    }

    [Fact]
    public void Garman_klass()
    {
        // ½(ln H/L)² sums to 0.003725 / 2; (ln C/O)² = 0.0001, 0.000225, 0.0004 sum to 0.000725.
        var expected = ((0.003725 / 2) - (((2 * Ln2) - 1) * 0.000725)) / 3;
        Feed(new GarmanKlassVolatility(3), Bars).Should().BeApproximately(expected, Tolerance);
        VolatilityEstimators.GarmanKlass(Bars).Should().BeApproximately(expected, Tolerance);
    }

    [Fact]
    public void Yang_zhang()
    {
        // n = 2 (bars 2 and 3; bar 1 gives the previous close).
        // Overnight: 0.015 − 0.01 = 0.005, 0.02 − 0.03 = −0.01 → sample variance 2 × 0.0075² = 0.0001125.
        // Open-to-close: 0.015, −0.02 → sample variance 2 × 0.0175² = 0.0006125.
        // Rogers–Satchell: bar 2 (0.01)(0.025) + (−0.025)(−0.01) = 0.0005; bar 3 (0.035)(0.015) + (−0.005)(−0.025)
        // = 0.00065; mean 0.000575. k = 0.34 / (1.34 + 3/1) = 0.34 / 4.34.
        var k = 0.34 / 4.34;
        var expected = 0.0001125 + (k * 0.0006125) + ((1 - k) * 0.000575);
        Feed(new YangZhangVolatility(2), Bars).Should().BeApproximately(expected, Tolerance);
        VolatilityEstimators.YangZhang(Bars).Should().BeApproximately(expected, Tolerance);
    }

    [Fact]
    public void Rolling_window_forgets_the_oldest_bar()
    {
        // Parkinson, window 2, after all three bars: only 0.035² and 0.04² remain.
        var p = new ParkinsonVolatility(2);
        Feed(p, Bars).Should().BeApproximately((0.001225 + 0.0016) / 2 / (4 * Ln2), Tolerance);
        p.Count.Should().Be(2);
        p.Volatility.Should().BeApproximately(Math.Sqrt(p.Variance), 0);
    }

    [Fact]
    public void Annualize_scales_by_the_square_root_of_bars_per_year()
    {
        VolatilityEstimators.Annualize(0.0004, 365).Should().BeApproximately(0.02 * Math.Sqrt(365), 1e-15);
        var act = () => VolatilityEstimators.Annualize(double.NaN, 365);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("variancePerBar");
        var act2 = () => VolatilityEstimators.Annualize(0.1, 0);
        act2.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("barsPerYear");
    }

    public static TheoryData<string, Func<IVolatilityEstimator>, int> Estimators => new()
    {
        // name, factory, bars needed before ready
        { "close-to-close", () => new CloseToCloseVolatility(2), 3 },
        { "ewma", () => new EwmaVolatility(), 2 },
        { "parkinson", () => new ParkinsonVolatility(2), 2 },
        { "garman-klass", () => new GarmanKlassVolatility(2), 2 },
        { "yang-zhang", () => new YangZhangVolatility(2), 3 },
    };

    [Theory]
    [MemberData(nameof(Estimators))]
    public void Not_ready_until_the_window_fills_and_reset_forgets(string name, Func<IVolatilityEstimator> create, int needed)
    {
        var e = create();
        for (var i = 0; i < needed; i++)
        {
            e.IsReady.Should().BeFalse(name);
            var read = () => e.Variance;
            read.Should().Throw<InvalidOperationException>().WithMessage("*not ready*");
            e.Update(Bars[i]);
        }

        e.IsReady.Should().BeTrue(name);
        var value = e.Variance;
        e.Reset();
        e.IsReady.Should().BeFalse();
        e.Count.Should().Be(0);
        Feed(e, Bars.AsSpan(0, needed)).Should().Be(value, "a reset estimator repeats itself exactly");
    }

    [Theory]
    [MemberData(nameof(Estimators))]
    public void Default_bar_is_refused_and_changes_nothing(string name, Func<IVolatilityEstimator> create, int needed)
    {
        var e = create();
        Feed(e, Bars.AsSpan(0, needed));
        var before = (e.Count, e.Variance);
        var act = () => e.Update(default);
        act.Should().Throw<ArgumentException>(name).WithParameterName("bar");
        (e.Count, e.Variance).Should().Be(before);
    }

    [Theory]
    [InlineData(double.NaN, 2, 1, 1.5, "open")]
    [InlineData(1, double.PositiveInfinity, 1, 1.5, "high")]
    [InlineData(1, 2, 0, 1.5, "low")]
    [InlineData(1, 2, 1, -1, "close")]
    [InlineData(1, 2, 1.2, 1.5, "low")]
    [InlineData(1, 1.4, 1, 1.5, "high")]
    public void Bar_constructor_checks_prices_and_ordering(double o, double h, double l, double c, string parameter)
    {
        var act = () => new OhlcBar(o, h, l, c);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);
    }

    [Fact]
    public void Constructors_and_batches_check_their_arguments()
    {
        FluentActions.Invoking(() => new CloseToCloseVolatility(1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("window");
        FluentActions.Invoking(() => new YangZhangVolatility(1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("window");
        FluentActions.Invoking(() => new ParkinsonVolatility(0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("window");
        FluentActions.Invoking(() => new GarmanKlassVolatility(VolatilityEstimators.MaxWindow + 1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new EwmaVolatility(1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("lambda");
        FluentActions.Invoking(() => new EwmaVolatility(0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("lambda");
        FluentActions.Invoking(() => VolatilityEstimators.YangZhang(Bars.AsSpan(0, 2))).Should().Throw<ArgumentException>().WithParameterName("bars");
        FluentActions.Invoking(() => VolatilityEstimators.Parkinson([default])).Should().Throw<ArgumentException>().WithParameterName("bars");
    }

    [Fact]
    public void Streaming_updates_allocate_nothing()
    {
        IVolatilityEstimator[] all = [new CloseToCloseVolatility(20), new EwmaVolatility(), new ParkinsonVolatility(20), new GarmanKlassVolatility(20), new YangZhangVolatility(20)];
        for (var i = 0; i < 100; i++)
        {
            foreach (var e in all)
            {
                e.Update(Bars[i % 3]);
            }
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            foreach (var e in all)
            {
                e.Update(Bars[i % 3]);
            }
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }
}
