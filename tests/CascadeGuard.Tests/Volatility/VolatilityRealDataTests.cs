using CascadeGuard.Tests.Support;
using CascadeGuard.Volatility;
using MathNet.Numerics.Statistics;

namespace CascadeGuard.Tests.Volatility;

/// <summary>
/// Streaming estimators against a slow reference on real bars (tests/CascadeGuard.Tests/Data): at every position
/// the reference recomputes the estimator's formula from scratch over the window with Math.NET's two-pass
/// <see cref="Statistics.Variance(IEnumerable{double})"/> and <see cref="Statistics.Mean(IEnumerable{double})"/>;
/// the batch function over the same bars must agree too. Agreement is to 1e-10 relative (the rolling sums are
/// re-summed every window, so rounding cannot build up).
/// </summary>
public class VolatilityRealDataTests
{
    private const double Relative = 1e-10;
    private static readonly double FourLn2 = 4 * Math.Log(2);

    public static TheoryData<string> Days => ["2020-03-12", "2020-09-05", "2021-05-19"];

    private static double Ln(double x) => Math.Log(x);

    /// <summary>The slow reference, by name, over bars[end − window − 1 .. end] (one extra bar for the previous close).</summary>
    private static double Reference(string estimator, OhlcBar[] bars, int end, int window)
    {
        var w = Enumerable.Range(end - window + 1, window).ToArray();
        switch (estimator)
        {
            case "close-to-close":
                return w.Select(i => Ln(bars[i].Close / bars[i - 1].Close)).Variance();
            case "parkinson":
                return w.Select(i => Math.Pow(Ln(bars[i].High / bars[i].Low), 2) / FourLn2).Mean();
            case "garman-klass":
                return w.Select(i => (0.5 * Math.Pow(Ln(bars[i].High / bars[i].Low), 2)) - (((2 * Math.Log(2)) - 1) * Math.Pow(Ln(bars[i].Close / bars[i].Open), 2))).Mean();
            default:
                var overnight = w.Select(i => Ln(bars[i].Open / bars[i - 1].Close)).Variance();
                var body = w.Select(i => Ln(bars[i].Close / bars[i].Open)).Variance();
                var rs = w.Select(i =>
                    (Ln(bars[i].High / bars[i].Close) * Ln(bars[i].High / bars[i].Open)) +
                    (Ln(bars[i].Low / bars[i].Close) * Ln(bars[i].Low / bars[i].Open))).Mean();
                var k = 0.34 / (1.34 + ((window + 1.0) / (window - 1.0)));
                return overnight + (k * body) + ((1 - k) * rs);
        }
    }

    private static (IVolatilityEstimator Streaming, Func<ReadOnlySpan<OhlcBar>, double> Batch, bool NeedsPrevious) Make(string estimator, int window) => estimator switch
    {
        "close-to-close" => (new CloseToCloseVolatility(window), b => VolatilityEstimators.CloseToClose(b), true),
        "parkinson" => (new ParkinsonVolatility(window), b => VolatilityEstimators.Parkinson(b), false),
        "garman-klass" => (new GarmanKlassVolatility(window), b => VolatilityEstimators.GarmanKlass(b), false),
        _ => (new YangZhangVolatility(window), b => VolatilityEstimators.YangZhang(b), true),
    };

    private static int CheckAgainstReference(string estimator, OhlcBar[] bars, int window)
    {
        var (streaming, batch, needsPrevious) = Make(estimator, window);
        var checkedPositions = 0;
        for (var end = 0; end < bars.Length; end++)
        {
            streaming.Update(bars[end]);
            var first = end - window + 1 - (needsPrevious ? 1 : 0);
            streaming.IsReady.Should().Be(first >= 0, $"{estimator} at bar {end}");
            if (first < 0)
            {
                continue;
            }

            var expected = Reference(estimator, bars, end, window);
            streaming.Variance.Should().BeApproximately(expected, Relative * expected, $"{estimator} streaming at bar {end}");
            batch(bars.AsSpan(first, end - first + 1)).Should().BeApproximately(expected, Relative * expected, $"{estimator} batch at bar {end}");
            checkedPositions++;
        }

        return checkedPositions;
    }

    [Theory]
    [MemberData(nameof(Days))]
    public void Streaming_matches_the_slow_reference_on_eth_ten_minute_crash_days(string day) =>
        CheckAllAgainstReference(MarketData.EthTenMinute(day).Select(r => r.Bar).ToArray(), expectedBars: 144, window: 12);

    [Fact]
    public void Streaming_matches_the_slow_reference_on_btc_daily_bars() =>
        CheckAllAgainstReference(MarketData.BtcDaily().Select(r => r.Bar).ToArray(), expectedBars: 547, window: 30);

    private static void CheckAllAgainstReference(OhlcBar[] bars, int expectedBars, int window)
    {
        bars.Should().HaveCount(expectedBars);
        foreach (var estimator in new[] { "close-to-close", "parkinson", "garman-klass", "yang-zhang" })
        {
            CheckAgainstReference(estimator, bars, window).Should().Be(expectedBars - window - (estimator is "close-to-close" or "yang-zhang" ? 1 : 0) + 1);
        }
    }

    [Fact]
    public void Ewma_matches_its_recursion_on_btc_daily_bars()
    {
        var bars = MarketData.BtcDaily().Select(r => r.Bar).ToArray();
        var e = new EwmaVolatility();
        var reference = 0.0;
        for (var i = 0; i < bars.Length; i++)
        {
            e.Update(bars[i]);
            if (i == 0)
            {
                continue;
            }

            var r = Ln(bars[i].Close / bars[i - 1].Close);
            reference = i == 1 ? r * r : (0.94 * reference) + (0.06 * r * r);
            e.Variance.Should().BeApproximately(reference, 1e-14 * reference);
        }

        VolatilityEstimators.Ewma(bars).Should().Be(e.Variance);
    }

    [Fact]
    public void Black_thursday_shows_up_in_every_estimator()
    {
        // 30-day BTC volatility at the end of March 2020 against the end of February: close-to-close is about
        // 208 % against 53 % annualised (figures from the data, recomputed in the test).
        var rows = MarketData.BtcDaily();
        var feb = rows.ToList().FindIndex(r => r.Date == "2020-02-29");
        var mar = rows.ToList().FindIndex(r => r.Date == "2020-03-31");
        var bars = rows.Select(r => r.Bar).ToArray();
        foreach (var estimator in new[] { "close-to-close", "parkinson", "garman-klass", "yang-zhang" })
        {
            var (_, batch, needsPrevious) = Make(estimator, 30);
            var n = needsPrevious ? 31 : 30;
            var calm = VolatilityEstimators.Annualize(batch(bars.AsSpan(feb - n + 1, n)), 365);
            var crash = VolatilityEstimators.Annualize(batch(bars.AsSpan(mar - n + 1, n)), 365);
            (crash / calm).Should().BeGreaterThan(2.5, estimator);
        }

        var cc = VolatilityEstimators.Annualize(VolatilityEstimators.CloseToClose(bars.AsSpan(mar - 30, 31)), 365);
        cc.Should().BeApproximately(2.0764, 1e-4);
    }
}
