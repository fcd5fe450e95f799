using CascadeGuard.Primitives;
using MathNet.Numerics.LinearRegression;
using MathNet.Numerics.Statistics;

namespace CascadeGuard.Depth;

/// <summary>
/// Estimates the recovery half-life of <see cref="ResilienceModel"/> from a sequence of book snapshots taken after a
/// depletion. With resting depth D̄ and measured depth Dᵢ at time tᵢ, the model says the deficit D̄ − Dᵢ = d₀·e^(−ρ·tᵢ), so
/// ln(D̄ − Dᵢ) is linear in tᵢ; an ordinary least-squares fit (Math.NET Numerics) of that line gives ρ and h = ln 2 / ρ.
/// Measure depth the way the throttle does (for example <see cref="BookWalk.MaxQuantityWithin(Feeds.OrderBook, TradeSide, SlippageBound)"/>
/// on each snapshot). See docs/depth.md.
/// </summary>
/// <remarks>Thread-safe (pure). Allocates two arrays of the snapshot count for the regression.</remarks>
public static class HalfLifeEstimator
{
    /// <summary>Fits the half-life.</summary>
    /// <param name="times">Snapshot times, non-decreasing; the first is taken as the depletion.</param>
    /// <param name="depths">Depth measured on each snapshot, base units; finite, zero or more; same length.</param>
    /// <param name="restingDepth">The undisturbed depth the book recovers to; finite, positive.</param>
    /// <param name="estimate">The fit, or default when it cannot be made.</param>
    /// <returns><see langword="false"/> with fewer than three snapshots still below the resting depth, or when those
    /// snapshots show no recovery (a fitted rate of zero or less).</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range, or times decrease.</exception>
    public static bool TryEstimate(ReadOnlySpan<DateTimeOffset> times, ReadOnlySpan<double> depths, double restingDepth, out HalfLifeEstimate estimate)
    {
        Guard.FinitePositive(restingDepth);
        Guard.SameLength(times, depths);

        var usable = 0;
        for (var i = 0; i < times.Length; i++)
        {
            if (i > 0 && times[i] < times[i - 1])
            {
                Guard.Throw($"{nameof(times)}[{i}]", times[i], "must not be before the snapshot preceding it");
            }

            if (!double.IsFinite(depths[i]) || depths[i] < 0)
            {
                Guard.Throw($"{nameof(depths)}[{i}]", depths[i], "must be finite and zero or positive");
            }

            if (depths[i] < restingDepth)
            {
                usable++;
            }
        }

        estimate = default;
        if (usable < 3)
        {
            return false;
        }

        var seconds = new double[usable];
        var logDeficit = new double[usable];
        for (int i = 0, j = 0; i < times.Length; i++)
        {
            if (depths[i] < restingDepth)
            {
                seconds[j] = (times[i] - times[0]).TotalSeconds;
                logDeficit[j++] = Math.Log(restingDepth - depths[i]);
            }
        }

        if (seconds[^1] == seconds[0])
        {
            return false;
        }

        var (intercept, slope) = SimpleRegression.Fit(seconds, logDeficit);
        if (!(slope < 0))
        {
            return false;
        }

        var r = Correlation.Pearson(seconds, logDeficit);
        var rate = -slope;
        estimate = new HalfLifeEstimate(TimeSpan.FromSeconds(Math.Log(2) / rate), rate, Math.Exp(intercept), double.IsFinite(r) ? r * r : 1.0, usable);
        return true;
    }
}
