using System.Numerics;
using CascadeGuard.Primitives;
using CsCheck;

namespace CascadeGuard.Tests.Primitives;

public class UInt256Tests
{
    private static readonly BigInteger Two128 = BigInteger.One << 128;
    private static readonly BigInteger Two256 = BigInteger.One << 256;

    /// <summary>A 128-bit value of a random bit length, so every digit count of the division is exercised.</summary>
    private static readonly Gen<UInt128> GenU128 =
        Gen.Select(Gen.ULong, Gen.ULong, Gen.Int[0, 128], static (hi, lo, bits) =>
            bits == 0 ? UInt128.Zero : new UInt128(hi, lo) >> (128 - bits));

    private static readonly Gen<UInt256> GenU256 = Gen.Select(GenU128, GenU128, static (hi, lo) => Combine(hi, lo));

    private static UInt256 Combine(UInt128 hi, UInt128 lo) => new((ulong)lo, (ulong)(lo >> 64), (ulong)hi, (ulong)(hi >> 64));

    private static BigInteger Big(UInt128 v) => (BigInteger)(ulong)(v >> 64) << 64 | (ulong)v;

    [Fact]
    public void Multiply_matches_BigInteger()
    {
        Gen.Select(GenU128, GenU128).Sample(static (a, b) =>
            UInt256.Multiply(a, b).ToBigInteger().Should().Be(Big(a) * Big(b)), iter: 20_000);
    }

    [Fact]
    public void Multiply_of_the_largest_values_is_exact()
    {
        var product = UInt256.Multiply(UInt128.MaxValue, UInt128.MaxValue);
        product.ToBigInteger().Should().Be((Two128 - 1) * (Two128 - 1));
    }

    [Fact]
    public void DivRem_matches_BigInteger()
    {
        Gen.Select(GenU256, GenU128).Sample(static (n, d) =>
        {
            if (d == UInt128.Zero)
            {
                return;
            }

            var q = UInt256.DivRem(n, d, out var r);
            var expectedQ = BigInteger.DivRem(n.ToBigInteger(), Big(d), out var expectedR);
            q.ToBigInteger().Should().Be(expectedQ);
            Big(r).Should().Be(expectedR);
        }, iter: 50_000);
    }

    [Theory]
    [InlineData(1UL, 0UL)] // single-digit divisor
    [InlineData(0xFFFFFFFFUL, 0UL)]
    [InlineData(0x1_0000_0000UL, 0UL)] // two digits, top digit 1 (maximal normalisation shift)
    [InlineData(0xFFFFFFFF_FFFFFFFFUL, 0UL)]
    [InlineData(0UL, 1UL)]
    [InlineData(0xFFFFFFFF_FFFFFFFFUL, 0xFFFFFFFF_FFFFFFFFUL)] // four digits, top bit set (no shift)
    [InlineData(0x8000_0000_0000_0001UL, 0x8000_0000UL)]
    public void DivRem_handles_digit_count_and_normalisation_edges(ulong low, ulong high)
    {
        var d = new UInt128(high, low);
        UInt256[] dividends =
        [
            new(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue),
            new(0, 0, 0, 1),
            new(1, 0, 0, 0x8000_0000_0000_0000UL),
            new(0, 0, 1, 0),
            new(0x1234, 0, 0xFFFF_FFFF_0000_0000UL, 0xFFFF_FFFF),
        ];
        foreach (var n in dividends)
        {
            var q = UInt256.DivRem(n, d, out var r);
            q.ToBigInteger().Should().Be(n.ToBigInteger() / Big(d));
            Big(r).Should().Be(n.ToBigInteger() % Big(d));
        }
    }

    [Fact]
    public void DivRem_by_zero_throws()
    {
        var act = () => UInt256.DivRem(new UInt256(1), UInt128.Zero, out _);
        act.Should().Throw<DivideByZeroException>();
    }

    [Fact]
    public void Shifts_match_BigInteger_and_report_lost_bits()
    {
        Gen.Select(GenU256, Gen.Int[0, 300]).Sample(static (n, k) =>
        {
            var big = n.ToBigInteger();
            n.ShiftRight(k).ToBigInteger().Should().Be(k >= 256 ? BigInteger.Zero : big >> k);
            n.HasBitsBelow(k).Should().Be(k >= 256 ? !big.IsZero : (big & ((BigInteger.One << k) - 1)) != 0);
            var fits = n.TryShiftLeft(k, out var left);
            fits.Should().Be(big.IsZero || (big << k) < Two256);
            if (fits)
            {
                left.ToBigInteger().Should().Be(big << k);
            }
        }, iter: 20_000);
    }

    [Fact]
    public void Add_and_subtract_are_checked()
    {
        var max = new UInt256(ulong.MaxValue, ulong.MaxValue, ulong.MaxValue, ulong.MaxValue);
        FluentActions.Invoking(() => UInt256.AddChecked(max, new UInt256(1))).Should().Throw<OverflowException>();
        FluentActions.Invoking(() => UInt256.SubtractChecked(new UInt256(1), new UInt256(2))).Should().Throw<OverflowException>();
        Gen.Select(GenU256, GenU256).Sample(static (a, b) =>
        {
            var sum = a.ToBigInteger() + b.ToBigInteger();
            if (sum < Two256)
            {
                UInt256.AddChecked(a, b).ToBigInteger().Should().Be(sum);
            }

            var (hi, lo) = a >= b ? (a, b) : (b, a);
            UInt256.SubtractChecked(hi, lo).ToBigInteger().Should().Be(hi.ToBigInteger() - lo.ToBigInteger());
        }, iter: 10_000);
    }

    [Fact]
    public void Multiply_by_64_bits_is_checked_and_matches_BigInteger()
    {
        Gen.Select(GenU256, Gen.ULong).Sample(static (a, b) =>
        {
            var product = a.ToBigInteger() * b;
            if (product < Two256)
            {
                UInt256.MultiplyChecked(a, b).ToBigInteger().Should().Be(product);
            }
            else
            {
                FluentActions.Invoking(() => UInt256.MultiplyChecked(a, b)).Should().Throw<OverflowException>();
            }
        }, iter: 10_000);
    }

    [Fact]
    public void Text_form_round_trips()
    {
        GenU256.Sample(static n =>
        {
            UInt256.TryParse(n.ToString(), out var back).Should().BeTrue();
            back.Should().Be(n);
        }, iter: 2_000);
        UInt256.TryParse("xyz", out _).Should().BeFalse();
        UInt256.TryParse(new string('f', 65), out _).Should().BeFalse();
        UInt256.TryParse(null, out _).Should().BeFalse();
    }
}
