using CascadeGuard.Primitives;
using MathNet.Numerics.LinearRegression;
using MathNet.Numerics.Statistics;

namespace CascadeGuard.Depth;

/// <summary>
/// How much prices move per unit traded, estimated from interval data the host aggregates from trades and prices:
/// Kyle's lambda (Kyle 1985; estimated as the OLS slope of price change on signed volume, as in Hasbrouck 2009) and the
/// Amihud (2002) illiquidity ratio. Regressions and statistics are Math.NET Numerics'. These are calibration functions run
/// once per window, not per tick: they take arrays because Math.NET's regression reads arrays (no copy is made), and
/// Amihud allocates one small accumulator. See docs/depth.md.
/// </summary>
/// <remarks>Thread-safe (pure).</remarks>
public static class LiquiditySensitivity
{
    /// <summary>Fits ΔPₜ = α + λ·vₜ by ordinary least squares.</summary>
    /// <param name="signedVolumes">Net signed volume per interval (buys positive, sells negative), base units; finite.</param>
    /// <param name="priceChanges">Price change over each interval (for example of the mid); finite; same length.</param>
    /// <param name="estimate">The fit, or default when it cannot be made.</param>
    /// <returns><see langword="false"/> with fewer than three intervals or no variation in signed volume.</returns>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite.</exception>
    public static bool TryKyleLambda(double[] signedVolumes, double[] priceChanges, out KyleLambdaEstimate estimate)
    {
        CheckPair(signedVolumes, priceChanges);
        estimate = default;
        if (signedVolumes.Length < 3 || !Varies(signedVolumes))
        {
            return false;
        }

        var (intercept, slope) = SimpleRegression.Fit(signedVolumes, priceChanges);
        var r = Varies(priceChanges) ? Correlation.Pearson(signedVolumes, priceChanges) : 1.0;
        estimate = new KyleLambdaEstimate(slope, intercept, r * r, signedVolumes.Length);
        return true;
    }

    /// <summary>Amihud's ratio: the mean over intervals with positive volume of |rₜ| ÷ Vₜ.</summary>
    /// <param name="returns">Return per interval (simple or log); finite.</param>
    /// <param name="notionalVolumes">Notional traded per interval, unit of account; finite, zero or more; same length.
    /// Intervals with zero volume are skipped (the ratio is undefined there).</param>
    /// <param name="estimate">The ratio, or default when no interval had volume.</param>
    /// <returns><see langword="false"/> when no interval had positive volume.</returns>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is not finite, or a volume is negative.</exception>
    public static bool TryAmihud(double[] returns, double[] notionalVolumes, out AmihudEstimate estimate)
    {
        CheckPair(returns, notionalVolumes);
        for (var i = 0; i < notionalVolumes.Length; i++)
        {
            if (notionalVolumes[i] < 0)
            {
                Guard.Throw($"{nameof(notionalVolumes)}[{i}]", notionalVolumes[i], "must be zero or positive");
            }
        }

        var ratios = new RunningStatistics();
        for (var i = 0; i < returns.Length; i++)
        {
            if (notionalVolumes[i] > 0)
            {
                ratios.Push(Math.Abs(returns[i]) / notionalVolumes[i]);
            }
        }

        estimate = default;
        if (ratios.Count == 0)
        {
            return false;
        }

        estimate = new AmihudEstimate(ratios.Mean, ratios.Count > 1 ? ratios.StandardDeviation : 0.0, (int)ratios.Count);
        return true;
    }

    private static void CheckPair(double[] first, double[] second, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(first))] string? firstName = null, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(second))] string? secondName = null)
    {
        Guard.NotNull(first, firstName);
        Guard.NotNull(second, secondName);
        Guard.SameLength<double, double>(first, second, firstName, secondName);

        Finite(first, firstName);
        Finite(second, secondName);
    }

    private static void Finite(double[] values, string? name)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                Guard.Throw($"{name}[{i}]", values[i], "must be finite");
            }
        }
    }

    private static bool Varies(double[] values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] != values[0])
            {
                return true;
            }
        }

        return false;
    }
}
