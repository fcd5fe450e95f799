namespace CascadeGuard.Auctions;

/// <summary>Exact integer arithmetic on <see cref="decimal"/> mantissas, where the decimal operators would round at the 28th digit.</summary>
internal static class ExactDecimal
{
    private static readonly UInt128 MantissaLimit = (UInt128.One << 96) - 1;

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
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        UInt128 mantissa = ((UInt128)(uint)bits[2] << 64) | ((UInt128)(uint)bits[1] << 32) | (uint)bits[0];
        int scale = (bits[3] >> 16) & 0xFF;
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
        result = new decimal((int)(uint)units, (int)(uint)(units >> 32), (int)(uint)(units >> 64), false, (byte)decimals);
        return true;
    }

    private static UInt128 Pow10(int exponent)
    {
        UInt128 value = 1;
        for (int i = 0; i < exponent; i++)
        {
            value *= 10;
        }

        return value;
    }
}
