using System.Numerics;
using CascadeGuard.Primitives;
using CsCheck;

namespace CascadeGuard.Tests.Primitives;

public class MoneyConversionTests
{
    // The double nearest 0.1 is 0.1000000000000000055511151231257827…, slightly above 0.1, and the double nearest 0.3 is
    // 0.2999999999999999888977697537484345…, slightly below: an exact conversion must see both.
    [Theory]
    [InlineData(0.1, "0.01", SolvencyRounding.Pay, "0.10")]
    [InlineData(0.1, "0.01", SolvencyRounding.Collect, "0.11")]
    [InlineData(0.3, "0.01", SolvencyRounding.Pay, "0.29")]
    [InlineData(0.3, "0.01", SolvencyRounding.Collect, "0.30")]
    [InlineData(0.5, "0.01", SolvencyRounding.Pay, "0.50")]
    [InlineData(0.5, "0.01", SolvencyRounding.Collect, "0.50")]
    [InlineData(1234.5, "1", SolvencyRounding.Pay, "1234")]
    [InlineData(1234.5, "1", SolvencyRounding.Collect, "1235")]
    [InlineData(1e-300, "0.000001", SolvencyRounding.Pay, "0")]
    [InlineData(1e-300, "0.000001", SolvencyRounding.Collect, "0.000001")]
    [InlineData(4.9e-324, "0.01", SolvencyRounding.Collect, "0.01")] // smallest subnormal
    [InlineData(0.0, "0.01", SolvencyRounding.Collect, "0")]
    [InlineData(1e20, "0.5", SolvencyRounding.Pay, "100000000000000000000")]
    [InlineData(7.0, "2.5", SolvencyRounding.Pay, "5.0")]
    [InlineData(7.0, "2.5", SolvencyRounding.Collect, "7.5")]
    public void Rounds_exactly_in_the_solvency_direction(double amount, string quantum, SolvencyRounding rounding, string expected)
    {
        var q = decimal.Parse(quantum, System.Globalization.CultureInfo.InvariantCulture);
        var e = decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        MoneyConversion.ToMoney(amount, q, rounding).Should().Be(e);
    }

    [Fact]
    public void Beats_the_builtin_cast_which_rounds_to_15_digits()
    {
        // 0.1 + 0.2 = 0.30000000000000004440892098500626…; the cast says 0.3, which would under-collect.
        ((decimal)(0.1 + 0.2)).Should().Be(0.3m);
        MoneyConversion.ToMoney(0.1 + 0.2, 0.000000000000000001m, SolvencyRounding.Collect).Should().Be(0.300000000000000045m);
        MoneyConversion.ToMoney(0.1 + 0.2, 0.000000000000000001m, SolvencyRounding.Pay).Should().Be(0.300000000000000044m);
    }

    [Fact]
    public void Matches_an_exact_rational_reference()
    {
        var genQuantum = Gen.Select(Gen.Int[1, 1000], Gen.Int[0, 18], static (m, s) => new decimal(m, 0, 0, false, (byte)s));
        var genAmount = Gen.Select(Gen.Double[0, 1], Gen.Int[-40, 40], static (x, e) => x * Math.Pow(2, e));
        Gen.Select(genAmount, genQuantum).Sample(static (amount, quantum) =>
        {
            var (num, den) = ExactRatio(amount, quantum);
            var floor = BigInteger.Divide(num, den);
            var ceil = floor + (floor * den == num ? 0 : 1);
            Check(amount, quantum, SolvencyRounding.Pay, floor);
            Check(amount, quantum, SolvencyRounding.Collect, ceil);
        }, iter: 20_000);
    }

    /// <summary>The result is units · quantum when its mantissa fits 96 bits; otherwise the conversion must refuse.</summary>
    private static void Check(double amount, decimal quantum, SolvencyRounding rounding, BigInteger units)
    {
        var qBits = decimal.GetBits(quantum);
        var mantissa = units * new BigInteger((uint)qBits[0]);
        if (mantissa >= BigInteger.One << 96)
        {
            FluentActions.Invoking(() => MoneyConversion.ToMoney(amount, quantum, rounding)).Should().Throw<ArgumentOutOfRangeException>();
            return;
        }

        MoneyConversion.ToMoney(amount, quantum, rounding).Should().Be((decimal)units * quantum);
    }

    /// <summary>amount / quantum as an exact fraction: the double's mantissa · 2^exponent over the decimal's mantissa · 10^-scale.</summary>
    private static (BigInteger Num, BigInteger Den) ExactRatio(double amount, decimal quantum)
    {
        var bits = BitConverter.DoubleToInt64Bits(amount);
        var exp = (int)((bits >> 52) & 0x7FF);
        var mant = bits & ((1L << 52) - 1);
        if (exp != 0)
        {
            mant |= 1L << 52;
        }

        var e2 = (exp == 0 ? 1 : exp) - 1075;
        var qBits = decimal.GetBits(quantum);
        var qm = new BigInteger((uint)qBits[0]) | (new BigInteger((uint)qBits[1]) << 32) | (new BigInteger((uint)qBits[2]) << 64);
        var scale = (qBits[3] >> 16) & 0xFF;
        BigInteger num = mant * BigInteger.Pow(10, scale), den = qm;
        if (e2 >= 0)
        {
            num <<= e2;
        }
        else
        {
            den <<= -e2;
        }

        return (num, den);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(-1.0)]
    public void Rejects_non_finite_or_negative_amounts(double amount)
    {
        var act = () => MoneyConversion.ToMoney(amount, 0.01m, SolvencyRounding.Pay);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(amount));
    }

    [Fact]
    public void Rejects_bad_quantum_rounding_and_results_too_large()
    {
        FluentActions.Invoking(() => MoneyConversion.ToMoney(1, 0m, SolvencyRounding.Pay)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("quantum");
        FluentActions.Invoking(() => MoneyConversion.ToMoney(1, 1m, (SolvencyRounding)7)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("rounding");
        FluentActions.Invoking(() => MoneyConversion.ToMoney(1e30, 1m, SolvencyRounding.Pay)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("amount");
        FluentActions.Invoking(() => MoneyConversion.ToMoney(double.MaxValue, 1m, SolvencyRounding.Pay)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("amount");
    }

    [Theory]
    [InlineData("1.234567", "0.01", SolvencyRounding.Pay, "1.23")]
    [InlineData("1.234567", "0.01", SolvencyRounding.Collect, "1.24")]
    [InlineData("1.23", "0.01", SolvencyRounding.Collect, "1.23")]
    [InlineData("7", "2.5", SolvencyRounding.Pay, "5")]
    [InlineData("0", "0.5", SolvencyRounding.Collect, "0")]
    public void Rounds_decimal_money_to_its_quantum(string value, string quantum, SolvencyRounding rounding, string expected)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        MoneyConversion.RoundToQuantum(decimal.Parse(value, c), decimal.Parse(quantum, c), rounding).Should().Be(decimal.Parse(expected, c));
    }

    [Fact]
    public void ToDouble_is_the_nearest_double()
    {
        MoneyConversion.ToDouble(0.1m).Should().Be(0.1);
        MoneyConversion.ToDouble(123456.789m).Should().Be(123456.789);
    }
}
