using System.Globalization;

namespace CascadeGuard.Primitives;

/// <summary>
/// The one conversion between risk math (<see cref="double"/>) and money (<see cref="decimal"/>), with the rounding
/// rule that favours the platform's solvency: amounts paid out round down, amounts collected or covered round up,
/// always to a whole number of the ledger's quantum (its smallest unit, for example <c>0.000001</c>).
/// </summary>
/// <remarks>
/// The conversion is exact: the <see cref="double"/> is read as the binary fraction it really is (mantissa × 2^exponent)
/// and divided by the quantum in 256-bit integer arithmetic, so the result is the true floor or ceiling. The built-in
/// <c>(decimal)double</c> cast is not used because it first rounds to 15 significant digits, in either direction.
/// Pure functions; thread-safe; no allocation.
/// </remarks>
public static class MoneyConversion
{
    private const int MaxQuantumScale = 28;

    /// <summary>Converts a non-negative risk-math amount to money, rounded to <paramref name="quantum"/> in the given direction.</summary>
    /// <param name="amount">The amount; finite and zero or positive.</param>
    /// <param name="quantum">The ledger's smallest unit; positive.</param>
    /// <param name="rounding"><see cref="SolvencyRounding.Pay"/> rounds down, <see cref="SolvencyRounding.Collect"/> up.</param>
    /// <returns>A whole multiple of <paramref name="quantum"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="amount"/> is negative or not finite, <paramref name="quantum"/> is not positive, or the result
    /// does not fit a <see cref="decimal"/>.
    /// </exception>
    public static decimal ToMoney(double amount, decimal quantum, SolvencyRounding rounding)
    {
        Guard.FiniteNonNegative(amount);
        Guard.Positive(quantum);
        ValidateRounding(rounding);
        var (qm, scale) = ExactDecimal.Decompose(quantum);
        if (amount == 0)
        {
            return 0m;
        }

        var bits = BitConverter.DoubleToUInt64Bits(amount);
        var exponentBits = (int)((bits >> 52) & 0x7FF);
        var fraction = bits & ((1UL << 52) - 1);
        ulong mantissa;
        int exponent;
        if (exponentBits == 0)
        {
            mantissa = fraction;
            exponent = -1074;
        }
        else
        {
            mantissa = fraction | (1UL << 52);
            exponent = exponentBits - 1075;
        }

        // amount / quantum = mantissa · 2^exponent · 10^scale / qm.
        var numerator = UInt256.Multiply(mantissa, ExactDecimal.Pow10(scale));
        bool exact;
        UInt256 units;
        if (exponent >= 0)
        {
            if (!numerator.TryShiftLeft(exponent, out var shifted))
            {
                throw TooLarge(amount, quantum);
            }

            units = UInt256.DivRem(shifted, qm, out var rem);
            exact = rem == UInt128.Zero;
        }
        else
        {
            // Nested floor division by positive integers composes: floor(floor(n / a) / b) = floor(n / (a·b)).
            var q1 = UInt256.DivRem(numerator, qm, out var rem);
            var k = -exponent;
            units = q1.ShiftRight(k);
            var lost = q1.HasBitsBelow(k);
            exact = rem == UInt128.Zero && !lost;
        }

        if (!exact && rounding == SolvencyRounding.Collect)
        {
            units = UInt256.AddChecked(units, new UInt256(1UL));
        }

        return FromUnits(units, qm, scale, amount, quantum);
    }

    /// <summary>Converts money to risk math (nearest <see cref="double"/>; money never flows back this way).</summary>
    public static double ToDouble(decimal money) => (double)money;

    /// <summary>
    /// Rounds a money amount to a whole number of <paramref name="quantum"/> in the solvency direction: down for
    /// <see cref="SolvencyRounding.Pay"/>, up for <see cref="SolvencyRounding.Collect"/>. Exact (uses the decimal
    /// remainder, not a division that could itself round).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative or <paramref name="quantum"/> is not positive.</exception>
    /// <exception cref="OverflowException">Rounding up passes <see cref="decimal.MaxValue"/>.</exception>
    public static decimal RoundToQuantum(decimal value, decimal quantum, SolvencyRounding rounding)
    {
        Guard.NonNegative(value);
        Guard.Positive(quantum);
        ValidateRounding(rounding);
        var remainder = decimal.Remainder(value, quantum);
        if (remainder == 0m)
        {
            return value;
        }

        var down = value - remainder;
        return rounding == SolvencyRounding.Pay ? down : down + quantum;
    }

    private static void ValidateRounding(SolvencyRounding rounding)
    {
        if (rounding is not (SolvencyRounding.Pay or SolvencyRounding.Collect))
        {
            Guard.Throw(nameof(rounding), rounding, "must be Pay or Collect");
        }
    }

    private static decimal FromUnits(UInt256 units, UInt128 qm, int scale, double amount, decimal quantum)
    {
        if (!units.FitsUInt128)
        {
            throw TooLarge(amount, quantum);
        }

        var m = UInt256.Multiply(units.Low128, qm);
        if (!m.FitsUInt128 || (m.Low128 >> 96) != UInt128.Zero || scale > MaxQuantumScale)
        {
            throw TooLarge(amount, quantum);
        }

        return ExactDecimal.Compose(m.Low128, scale);
    }

    private static ArgumentOutOfRangeException TooLarge(double amount, decimal quantum) =>
        new(nameof(amount), amount, string.Create(CultureInfo.InvariantCulture, $"'amount' {amount:R} does not fit a decimal at quantum {quantum}."));
}
