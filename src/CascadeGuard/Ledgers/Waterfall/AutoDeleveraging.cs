using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers.Waterfall;

/// <summary>
/// The auto-deleveraging ranking perpetual-futures exchanges publish (BitMEX, Poloniex): for a profitable position
/// score = PnL fraction × effective leverage, for a losing one PnL fraction ÷ effective leverage (negative, so every
/// profitable position ranks first); the highest score is deleveraged first. Positions without leverage (no
/// exposure) or without capacity are not ranked; ties go to the lower account index, so the order is deterministic.
/// Pure; allocation-free.
/// </summary>
public static class AutoDeleveraging
{
    /// <summary>
    /// The ranking score: PnL fraction × effective leverage when the PnL is positive, PnL fraction ÷ effective leverage
    /// otherwise; <see cref="double.NegativeInfinity"/> when the effective leverage is zero (no position to deleverage).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not finite, or leverage is negative.</exception>
    public static double Score(double profitFraction, double effectiveLeverage)
    {
        Guard.Finite(profitFraction);
        Guard.FiniteNonNegative(effectiveLeverage);
        if (effectiveLeverage == 0)
        {
            return double.NegativeInfinity;
        }

        return profitFraction > 0 ? profitFraction * effectiveLeverage : profitFraction / effectiveLeverage;
    }

    /// <summary>
    /// Writes the eligible candidates (non-zero leverage and positive capacity) in deleveraging order; each entry's
    /// <see cref="AdlAllocation.Amount"/> is the candidate's capacity (the most it could cover).
    /// </summary>
    /// <param name="candidates">The opposite positions.</param>
    /// <param name="destination">Caller-owned; at least as long as <paramref name="candidates"/>.</param>
    /// <returns>How many were written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short or a candidate is out of range.</exception>
    public static int Rank(ReadOnlySpan<AdlCandidate> candidates, Span<AdlAllocation> destination)
    {
        Guard.DestinationLength(destination, candidates.Length);
        var count = 0;
        for (var i = 0; i < candidates.Length; i++)
        {
            var c = candidates[i];
            double score;
            try
            {
                score = Score(c.ProfitFraction, c.EffectiveLeverage);
            }
            catch (ArgumentOutOfRangeException ex)
            {
                throw new ArgumentOutOfRangeException(nameof(candidates), c, string.Create(CultureInfo.InvariantCulture, $"'candidates[{i}]': {ex.Message}"));
            }

            if (c.Capacity < 0m)
            {
                Guard.Throw(nameof(candidates), c, string.Create(CultureInfo.InvariantCulture, $"[{i}].Capacity must be zero or positive"));
            }

            if (double.IsFinite(score) && c.Capacity > 0m)
            {
                destination[count++] = new AdlAllocation(c.Account, score, c.Capacity);
            }
        }

        destination[..count].Sort(default(RankingOrder));
        return count;
    }

    private readonly struct RankingOrder : IComparer<AdlAllocation>
    {
        public int Compare(AdlAllocation x, AdlAllocation y)
        {
            var byScore = y.Score.CompareTo(x.Score);
            return byScore != 0 ? byScore : x.Account.CompareTo(y.Account);
        }
    }
}
