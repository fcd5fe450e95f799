using System.Globalization;
using CascadeGuard.Primitives;
using MathNet.Numerics.Statistics;

namespace CascadeGuard.Volatility;

/// <summary>
/// Batch versions of the estimators over a span of bars, computed with Math.NET Numerics'
/// <see cref="RunningStatistics"/> (Welford's algorithm), plus the per-bar term formulas the streaming estimators
/// share. Each batch result equals the streaming estimator's after the same bars with a window of the same number
/// of terms. Formulas and sources: docs/volatility.md.
/// </summary>
/// <remarks>Batch functions allocate one small accumulator per call; on hot paths use the streaming estimators.</remarks>
public static class VolatilityEstimators
{
    /// <summary>RiskMetrics' decay factor for daily data (J.P. Morgan/Reuters, RiskMetrics Technical Document, 1996).</summary>
    public const double RiskMetricsLambda = 0.94;

    /// <summary>The largest rolling window the streaming estimators accept.</summary>
    public const int MaxWindow = 1 << 20;

    /// <summary>Scales a per-bar variance to an annualised volatility: √(variance × barsPerYear).</summary>
    /// <param name="variancePerBar">Variance per bar period; finite and non-negative.</param>
    /// <param name="barsPerYear">Bars per year (365 for daily crypto bars, 52 560 for 10-minute bars); finite and positive.</param>
    /// <returns>The annualised volatility.</returns>
    public static double Annualize(double variancePerBar, double barsPerYear)
    {
        Guard.FiniteNonNegative(variancePerBar);
        Guard.FinitePositive(barsPerYear);
        return Math.Sqrt(variancePerBar * barsPerYear);
    }

    /// <summary>Sample variance of the log close-to-close returns: n + 1 bars give n returns; at least 3 bars.</summary>
    /// <param name="bars">The bars, oldest first.</param>
    /// <returns>The variance per bar period.</returns>
    public static double CloseToClose(ReadOnlySpan<OhlcBar> bars)
    {
        RequireLength(bars, 3);
        var stats = new RunningStatistics();
        for (var i = 1; i < bars.Length; i++)
        {
            stats.Push(Math.Log(bars[i].Close / bars[i - 1].Close));
        }

        return stats.Variance;
    }

    /// <summary>
    /// RiskMetrics EWMA variance of log close-to-close returns: σ²₁ = r₁², σ²ₜ = λσ²ₜ₋₁ + (1 − λ)rₜ². At least 2 bars.
    /// </summary>
    /// <param name="bars">The bars, oldest first.</param>
    /// <param name="lambda">The decay factor in (0, 1); default <see cref="RiskMetricsLambda"/>.</param>
    /// <returns>The variance per bar period after the last bar.</returns>
    public static double Ewma(ReadOnlySpan<OhlcBar> bars, double lambda = RiskMetricsLambda)
    {
        RequireLength(bars, 2);
        CheckLambda(lambda);
        var variance = 0.0;
        for (var i = 1; i < bars.Length; i++)
        {
            var r = Math.Log(bars[i].Close / bars[i - 1].Close);
            variance = i == 1 ? r * r : EwmaStep(variance, r, lambda);
        }

        return variance;
    }

    /// <summary>Parkinson (1980) range variance: mean of (ln H/L)² / (4 ln 2). At least 1 bar.</summary>
    /// <param name="bars">The bars.</param>
    /// <returns>The variance per bar period.</returns>
    public static double Parkinson(ReadOnlySpan<OhlcBar> bars) => MeanOfTerms<ParkinsonTerm>(bars);

    /// <summary>Garman–Klass (1980) variance: mean of ½(ln H/L)² − (2 ln 2 − 1)(ln C/O)². At least 1 bar.</summary>
    /// <param name="bars">The bars.</param>
    /// <returns>The variance per bar period.</returns>
    public static double GarmanKlass(ReadOnlySpan<OhlcBar> bars) => MeanOfTerms<GarmanKlassTerm>(bars);

    /// <summary>
    /// Yang–Zhang (2000) variance over n = bars.Length − 1 bars (the first bar only supplies the previous close):
    /// σ² = σ²(overnight) + kσ²(open-to-close) + (1 − k)·mean(Rogers–Satchell), k = 0.34 / (1.34 + (n + 1)/(n − 1)).
    /// At least 3 bars.
    /// </summary>
    /// <param name="bars">The bars, oldest first.</param>
    /// <returns>The variance per bar period.</returns>
    public static double YangZhang(ReadOnlySpan<OhlcBar> bars)
    {
        RequireLength(bars, 3);
        var overnight = new RunningStatistics();
        var openToClose = new RunningStatistics();
        var rogersSatchell = new RunningStatistics();
        for (var i = 1; i < bars.Length; i++)
        {
            overnight.Push(Math.Log(bars[i].Open / bars[i - 1].Close));
            openToClose.Push(Math.Log(bars[i].Close / bars[i].Open));
            rogersSatchell.Push(RogersSatchellTerm.Of(bars[i]));
        }

        return YangZhangCombine(overnight.Variance, openToClose.Variance, rogersSatchell.Mean, bars.Length - 1);
    }

    internal static double YangZhangCombine(double overnightVariance, double openToCloseVariance, double rogersSatchellMean, int n)
    {
        var k = 0.34 / (1.34 + ((n + 1.0) / (n - 1.0)));
        return overnightVariance + (k * openToCloseVariance) + ((1 - k) * rogersSatchellMean);
    }

    internal static double EwmaStep(double variance, double logReturn, double lambda) =>
        (lambda * variance) + ((1 - lambda) * logReturn * logReturn);

    internal static void CheckLambda(double lambda)
    {
        if (!(lambda > 0 && lambda < 1))
        {
            Guard.Throw(nameof(lambda), lambda, "must be in (0, 1)");
        }
    }

    internal static void CheckWindow(int window, int minimum) => Guard.InRange(window, minimum, MaxWindow);

    internal static InvalidOperationException NotReady(IVolatilityEstimator estimator) => new(string.Create(
        CultureInfo.InvariantCulture,
        $"{estimator.GetType().Name} is not ready: it holds {estimator.Count} terms; read IsReady first."));

    private static double MeanOfTerms<TTerm>(ReadOnlySpan<OhlcBar> bars)
        where TTerm : struct, IBarTerm
    {
        RequireLength(bars, 1);
        var stats = new RunningStatistics();
        foreach (ref readonly var bar in bars)
        {
            stats.Push(TTerm.Of(bar));
        }

        return stats.Mean;
    }

    private static void RequireLength(ReadOnlySpan<OhlcBar> bars, int minimum)
    {
        if (bars.Length < minimum)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"'{nameof(bars)}' must hold at least {minimum} bars; was {bars.Length}."),
                nameof(bars));
        }

        foreach (ref readonly var bar in bars)
        {
            OhlcBar.EnsureValid(bar, nameof(bars));
        }
    }
}
