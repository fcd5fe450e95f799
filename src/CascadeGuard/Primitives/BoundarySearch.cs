using System.Diagnostics;

namespace CascadeGuard.Primitives;

/// <summary>
/// Locates sign boundaries of real functions to the last representable double. Margin decisions are thresholds
/// ("the smallest sale that restores health"), so the answer must be the exact boundary the same arithmetic
/// evaluates, not a root to some tolerance, which is why this does not use a tolerance-based root finder.
/// </summary>
internal static class BoundarySearch
{
    // Bisection on doubles halves the interval each step; 2,100 steps exhaust even an interval spanning every exponent.
    private const int MaxSteps = 2100;

    /// <summary>
    /// The smallest x in (<paramref name="below"/>, <paramref name="atOrAbove"/>] with f(x) ≥ 0, given f(below) &lt; 0 and
    /// f(atOrAbove) ≥ 0 and a single crossing in between.
    /// </summary>
    public static double FirstNonNegative<TFunction>(TFunction f, double below, double atOrAbove)
        where TFunction : IRealFunction, allows ref struct
    {
        Debug.Assert(below < atOrAbove, "interval must be ordered");
        return Bisect<TFunction, NonNegative>(f, below, atOrAbove).Hi;
    }

    /// <summary>
    /// The largest x in [<paramref name="atOrBelow"/>, <paramref name="above"/>) with f(x) ≤ 0, given f(atOrBelow) ≤ 0 and
    /// f(above) &gt; 0 and a single crossing in between.
    /// </summary>
    public static double LastNonPositive<TFunction>(TFunction f, double atOrBelow, double above)
        where TFunction : IRealFunction, allows ref struct
    {
        Debug.Assert(atOrBelow < above, "interval must be ordered");
        return Bisect<TFunction, NotNonPositive>(f, atOrBelow, above).Lo;
    }

    /// <summary>
    /// The smallest x in (<paramref name="below"/>, <paramref name="atOrAbove"/>] with f(x) ≤ 0,
    /// given f(below) &gt; 0 and f(atOrAbove) ≤ 0.
    /// </summary>
    public static double FirstNonPositive<TFunction>(TFunction f, double below, double atOrAbove)
        where TFunction : IRealFunction, allows ref struct
    {
        Debug.Assert(below < atOrAbove, "interval must be ordered");
        return Bisect<TFunction, NonPositive>(f, below, atOrAbove).Hi;
    }

    /// <summary>
    /// The maximiser of a concave function on [<paramref name="lo"/>, <paramref name="hi"/>] by golden-section search,
    /// to a relative width of about 1e-15.
    /// </summary>
    public static double ConcaveMaximum<TFunction>(TFunction f, double lo, double hi)
        where TFunction : IRealFunction, allows ref struct
    {
        const double InverseGolden = 0.6180339887498949;
        var a = lo;
        var b = hi;
        var c = b - (InverseGolden * (b - a));
        var d = a + (InverseGolden * (b - a));
        var fc = f.Evaluate(c);
        var fd = f.Evaluate(d);
        for (var step = 0; step < 200 && b - a > 1e-15 * Math.Max(1.0, Math.Abs(b)); step++)
        {
            if (fc >= fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - (InverseGolden * (b - a));
                fc = f.Evaluate(c);
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + (InverseGolden * (b - a));
                fd = f.Evaluate(d);
            }
        }

        return fc >= fd ? c : d;
    }

    /// <summary>
    /// Bisects [lo, hi] until no double lies between the ends, keeping <typeparamref name="TUpper"/> false at lo and true at
    /// hi: the two ends are then the adjacent doubles on either side of the boundary.
    /// </summary>
    private static (double Lo, double Hi) Bisect<TFunction, TUpper>(TFunction f, double lo, double hi)
        where TFunction : IRealFunction, allows ref struct
        where TUpper : IUpperSide
    {
        for (var step = 0; step < MaxSteps; step++)
        {
            var mid = Midpoint(lo, hi);
            if (mid <= lo || mid >= hi)
            {
                break;
            }

            if (TUpper.Holds(f.Evaluate(mid)))
            {
                hi = mid;
            }
            else
            {
                lo = mid;
            }
        }

        return (lo, hi);
    }

    // (lo + hi) / 2 overflows for huge values; this form does not and stays inside [lo, hi].
    private static double Midpoint(double lo, double hi) => lo + ((hi - lo) * 0.5);

    /// <summary>Which values of f belong to the upper end of a bisection (a struct policy, so the test inlines).</summary>
    private interface IUpperSide
    {
        static abstract bool Holds(double value);
    }

    private readonly struct NonNegative : IUpperSide
    {
        public static bool Holds(double value) => value >= 0;
    }

    private readonly struct NonPositive : IUpperSide
    {
        public static bool Holds(double value) => value <= 0;
    }

    // Written as a negation so that NaN goes to the upper end, as "f(x) <= 0 keeps the lower end" always did.
    private readonly struct NotNonPositive : IUpperSide
    {
        public static bool Holds(double value) => !(value <= 0);
    }
}
