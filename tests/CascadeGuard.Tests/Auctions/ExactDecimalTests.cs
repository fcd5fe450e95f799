using System.Numerics;
using CascadeGuard.Auctions;
using CsCheck;

namespace CascadeGuard.Tests.Auctions;

public class ExactDecimalTests
{
    [Fact]
    public void Lands_on_the_grid_where_decimal_division_would_round_past_it()
    {
        // 240 × 5/12 = 100 exactly; 240 × (5/12 in 28 digits) = 100.000…0008, which rounds up to 100.00000001.
        ExactDecimal.TryMultiplyDivideCeiling(240m, 5, 12, 8, out decimal exact).Should().BeTrue();
        exact.Should().Be(100m);
        decimal.Round(240m * (5m / 12m), 8, MidpointRounding.ToPositiveInfinity).Should().Be(100.00000001m);
    }

    [Fact]
    public void Refuses_values_whose_mantissa_at_the_target_scale_exceeds_96_bits()
    {
        ExactDecimal.TryMultiplyDivideCeiling(decimal.MaxValue, 1, 2, 0, out _).Should().BeTrue();
        ExactDecimal.TryMultiplyDivideCeiling(decimal.MaxValue, 1, 2, 1, out _).Should().BeFalse();
    }

    [Fact]
    public void Agrees_with_big_integer_arithmetic()
    {
        var gen = Gen.Select(Gen.Decimal[0m, 1e15m], Gen.Long[1, long.MaxValue], Gen.Double[0, 1], Gen.Int[0, 12]);
        gen.Sample((value, denominator, share, decimals) =>
        {
            long numerator = (long)(denominator * share);
            if (!ExactDecimal.TryMultiplyDivideCeiling(value, numerator, denominator, decimals, out decimal result))
            {
                return true; // out of the exact range: the caller falls back
            }

            // Reference: ⌈M·10^(places) · a / (10^scale · d)⌉ in big integers.
            int scale = value.Scale;
            var mantissa = new BigInteger(value * Pow(scale)); // exact: value has `scale` places
            var numeratorBig = mantissa * BigInteger.Pow(10, decimals) * numerator;
            var denominatorBig = BigInteger.Pow(10, scale) * denominator;
            var quotient = BigInteger.DivRem(numeratorBig, denominatorBig, out var remainder);
            if (!remainder.IsZero)
            {
                quotient += 1;
            }

            return new BigInteger(result * Pow(decimals)) == quotient && result.Scale == decimals;
        }, iter: 5000);
    }

    private static decimal Pow(int exponent)
    {
        decimal p = 1m;
        for (int i = 0; i < exponent; i++)
        {
            p *= 10m;
        }

        return p;
    }
}
