using System.Numerics;
using CascadeGuard.Primitives;
using CsCheck;

namespace CascadeGuard.Tests.Primitives;

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

    [Fact]
    public void Multiply_floor_takes_an_exact_share_rounded_down()
    {
        // 7 × 0.3 = 2.1 → 2; long.MaxValue × 0.5 = 4611686018427387903.5 → 4611686018427387903; shares 0 and 1 are exact.
        ExactDecimal.MultiplyFloor(7, 0.3m).Should().Be(2);
        ExactDecimal.MultiplyFloor(long.MaxValue, 0.5m).Should().Be(4611686018427387903);
        ExactDecimal.MultiplyFloor(long.MaxValue, 1m).Should().Be(long.MaxValue);
        ExactDecimal.MultiplyFloor(long.MaxValue, 0m).Should().Be(0);
    }

    [Fact]
    public void Multiply_floor_agrees_with_big_integer_arithmetic()
    {
        Gen.Select(Gen.Long[0, long.MaxValue], Gen.Decimal[0m, 1m]).Sample((units, fraction) =>
        {
            var mantissa = new BigInteger(fraction * Pow(fraction.Scale));
            var expected = BigInteger.Divide(units * mantissa, BigInteger.Pow(10, fraction.Scale));
            return ExactDecimal.MultiplyFloor(units, fraction) == expected;
        }, iter: 5000);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1.50", 2)]
    [InlineData("79228162514264337593543950335", 0)]
    [InlineData("0.0000000000000000000000000001", 28)]
    public void Decompose_and_compose_round_trip_mantissa_and_scale(string text, int scale)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        var (mantissa, s) = ExactDecimal.Decompose(value);
        s.Should().Be(scale);
        mantissa.Should().Be(UInt128.Parse(text.Replace(".", string.Empty, StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture));
        var back = ExactDecimal.Compose(mantissa, s);
        back.Should().Be(value);
        ((int)back.Scale).Should().Be(scale);
        ExactDecimal.DecimalPow10(28).Should().Be(10_000_000_000_000_000_000_000_000_000m);
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
