using CascadeGuard.Primitives;

namespace CascadeGuard.Margin;

/// <summary>
/// Solves for the price of one asset at which an account's health factor reaches 1. With the other assets' contributions
/// fixed, the account is liquidatable exactly where <c>f(p) = RA(held·p) − owed·p + otherRiskAdjusted − otherDebt ≤ 0</c>
/// (and some debt remains), with <c>RA</c> the asset's risk-adjusted value. <c>RA</c> is linear without a size schedule, so
/// the roots are closed-form; with one it is concave, so <c>f</c> is concave and the liquidatable set is
/// <c>(0, Below] ∪ [Above, ∞)</c>, found by bisection.
/// </summary>
internal static class LiquidationPriceSolver
{
    public static LiquidationPrice Solve(
        AssetRiskParameters? parameters,
        double held,
        double owed,
        double otherRiskAdjusted,
        double otherDebt,
        double currentPrice)
    {
        if (otherDebt <= 0 && owed <= 0)
        {
            return LiquidationPrice.None;
        }

        var k = otherRiskAdjusted - otherDebt;
        if (parameters?.SizeSchedule is null)
        {
            var weight = parameters?.LiquidationThreshold ?? 0.0;
            return Linear((weight * held) - owed, k);
        }

        return Concave(new Margin(parameters, held, owed, k), currentPrice);
    }

    /// <summary>Roots of <c>f(p) = slope·p + k</c>.</summary>
    public static LiquidationPrice Linear(double slope, double k)
    {
        if (slope > 0)
        {
            return k >= 0 ? LiquidationPrice.None : new LiquidationPrice(-k / slope, double.NaN);
        }

        if (slope < 0)
        {
            return k <= 0 ? LiquidationPrice.Always : new LiquidationPrice(double.NaN, k / -slope);
        }

        return k <= 0 ? LiquidationPrice.Always : LiquidationPrice.None;
    }

    private static LiquidationPrice Concave(Margin f, double currentPrice)
    {
        var start = double.IsFinite(currentPrice) && currentPrice > 0 ? currentPrice : 1.0;

        // Where f peaks: f is non-decreasing when nothing of the asset is owed; otherwise search for the turn.
        var peak = double.PositiveInfinity;
        if (f.Owed > 0)
        {
            var hi = start;
            while (hi < double.MaxValue / 4 && f.Evaluate(2 * hi) >= f.Evaluate(hi))
            {
                hi *= 2;
            }

            peak = hi < double.MaxValue / 4 ? BoundarySearch.ConcaveMaximum(f, 0.0, 2 * hi) : double.PositiveInfinity;
        }

        // The upper end of the search for Below: the peak, or the first doubling of the price where f is positive.
        var top = peak;
        if (double.IsPositiveInfinity(top))
        {
            top = start;
            while (f.Evaluate(top) <= 0)
            {
                if (top > double.MaxValue / 4)
                {
                    return LiquidationPrice.Always;
                }

                top *= 2;
            }
        }
        else if (f.Evaluate(top) <= 0)
        {
            return LiquidationPrice.Always;
        }

        var below = f.Evaluate(0.0) > 0 ? double.NaN : BoundarySearch.LastNonPositive(f, 0.0, top);

        var above = double.NaN;
        if (!double.IsPositiveInfinity(peak))
        {
            var hi = Math.Max(peak, start);
            while (f.Evaluate(hi) > 0 && hi < double.MaxValue / 4)
            {
                hi *= 2;
            }

            if (f.Evaluate(hi) <= 0)
            {
                above = BoundarySearch.FirstNonPositive(f, peak, hi);
            }
        }

        return new LiquidationPrice(below, above);
    }

    private readonly struct Margin(AssetRiskParameters parameters, double held, double owed, double k) : IRealFunction
    {
        public double Owed => owed;

        public double Evaluate(double x) => parameters.RiskAdjustedValue(held * x) - (owed * x) + k;
    }
}
