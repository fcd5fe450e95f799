using System.Diagnostics;

namespace CascadeGuard.Primitives;

/// <summary>
/// Exact integer arithmetic on <see cref="decimal"/> mantissas, where the decimal operators would round at the 28th
/// digit: the one place that takes a decimal apart (96-bit mantissa, scale) and puts it back together.
/// </summary>
/// <remarks>
/// The two compound operations here are different and both stay: <see cref="TryMultiplyDivideCeiling"/> rounds a price
/// × a rational time fraction up onto a decimal grid within 128 bits (auction curves), <see cref="MultiplyFloor"/> takes
/// a decimal share of a 64-bit unit count down through the 256-bit product (ledger splits). <see cref="MoneyConversion"/>
/// (a <see cref="double"/> to money) uses the same parts. Pure functions; thread-safe; no allocation.
/// </remarks>
internal static class ExactDecimal
{
    private static readonly UInt128 MantissaLimit = (UInt128.One << 96) - 1;

    /// <summary>The magnitude's 96-bit mantissa and its scale (0–28): |value| = mantissa / 10^scale.</summary>
    public static (UInt128 Mantissa, int Scale) Decompose(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        UInt128 mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        return (mantissa, (bits[3] >> 16) & 0xFF);
    }

    /// <summary>The non-negative decimal mantissa / 10^scale; the mantissa must fit 96 bits and the scale 0–28.</summary>
    public static decimal Compose(UInt128 mantissa, int scale)
    {
        Debug.Assert(mantissa <= MantissaLimit && scale is >= 0 and <= 28, "The caller checks the range.");
        return new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), (int)(uint)(mantissa >> 64), false, (byte)scale);
    }

    /// <summary>10^<paramref name="exponent"/> for an exponent in 0–38.</summary>
    public static UInt128 Pow10(int exponent)
    {
        UInt128 value = 1;
        for (int i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }

    /// <summary>10^<paramref name="exponent"/> as a whole decimal (scale 0), for an exponent in 0–28.</summary>
    public static decimal DecimalPow10(int exponent) => Compose(Pow10(exponent), 0);

    /// <summary>
    /// ⌈value × numerator / denominator⌉ at <paramref name="decimals"/> places, exactly. Needed where the true result lies on
    /// the grid (a linear curve at 7/12 of its duration from 240 is exactly 100; 240 × (5/12 rounded) is not).
    /// </summary>
    /// <param name="value">Zero or positive.</param>
    /// <param name="numerator">In [0, <paramref name="denominator"/>].</param>
    /// <param name="denominator">Positive.</param>
    /// <param name="decimals">0–28.</param>
    /// <param name="result">The rounded-up result.</param>
    /// <returns>False when value × 10^places needs more than 96 bits; the caller then rounds in <see cref="decimal"/>.</returns>
    public static bool TryMultiplyDivideCeiling(decimal value, long numerator, long denominator, int decimals, out decimal result)
    {
        var (mantissa, scale) = Decompose(value);
        int work = Math.Max(scale, decimals);
        UInt128 power = Pow10(work - scale);
        if (mantissa > MantissaLimit / power)
        {
            result = 0m;
            return false;
        }

        // N·a/d = (N div d)·a + (N mod d)·a/d: the first product is ≤ N < 2⁹⁶, the second < 2⁶³·2⁶³ — no overflow.
        UInt128 n = mantissa * power, a = (ulong)numerator, d = (ulong)denominator;
        UInt128 fraction = n % d * a;
        UInt128 units = (n / d * a) + (fraction / d) + (fraction % d == 0 ? UInt128.Zero : UInt128.One);
        UInt128 coarser = Pow10(work - decimals);
        units = (units / coarser) + (units % coarser == 0 ? UInt128.Zero : UInt128.One);
        result = Compose(units, decimals);
        return true;
    }

    /// <summary>⌊units × fraction⌋ exactly, for units ≥ 0 and a fraction in [0, 1] (no decimal multiplication that could round up).</summary>
    public static long MultiplyFloor(long units, decimal fraction)
    {
        var (mantissa, scale) = Decompose(fraction);
        var q = UInt256.DivRem(UInt256.Multiply((ulong)units, mantissa), Pow10(scale), out _);
        return (long)(ulong)q.Low128;
    }
}
