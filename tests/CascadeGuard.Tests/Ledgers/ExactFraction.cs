using System.Numerics;

namespace CascadeGuard.Tests.Ledgers;

/// <summary>An exact non-negative rational (BigInteger numerator and denominator, kept in lowest terms): the reference model's number type.</summary>
internal readonly record struct ExactFraction(BigInteger Num, BigInteger Den) : IComparable<ExactFraction>
{
    public static readonly ExactFraction Zero = new(0, 1);

    public static ExactFraction Of(BigInteger value) => new(value, 1);

    public static ExactFraction Of(BigInteger num, BigInteger den)
    {
        if (den.IsZero)
        {
            throw new DivideByZeroException();
        }

        if (den.Sign < 0)
        {
            (num, den) = (-num, -den);
        }

        var g = BigInteger.GreatestCommonDivisor(num, den);
        return g.IsOne || g.IsZero ? new(num, den) : new(num / g, den / g);
    }

    /// <summary>The exact value of a finite non-negative double.</summary>
    public static ExactFraction FromDouble(double x)
    {
        var bits = BitConverter.DoubleToInt64Bits(x);
        var exp = (int)((bits >> 52) & 0x7FF);
        var mant = bits & ((1L << 52) - 1);
        if (exp != 0)
        {
            mant |= 1L << 52;
        }

        var e2 = (exp == 0 ? 1 : exp) - 1075;
        return e2 >= 0 ? Of(new BigInteger(mant) << e2) : Of(mant, BigInteger.One << -e2);
    }

    public static ExactFraction operator +(ExactFraction a, ExactFraction b) => Of((a.Num * b.Den) + (b.Num * a.Den), a.Den * b.Den);

    public static ExactFraction operator -(ExactFraction a, ExactFraction b) => Of((a.Num * b.Den) - (b.Num * a.Den), a.Den * b.Den);

    public static ExactFraction operator *(ExactFraction a, ExactFraction b) => Of(a.Num * b.Num, a.Den * b.Den);

    public static bool operator <(ExactFraction a, ExactFraction b) => a.CompareTo(b) < 0;

    public static bool operator >(ExactFraction a, ExactFraction b) => a.CompareTo(b) > 0;

    public static bool operator <=(ExactFraction a, ExactFraction b) => a.CompareTo(b) <= 0;

    public static bool operator >=(ExactFraction a, ExactFraction b) => a.CompareTo(b) >= 0;

    public int CompareTo(ExactFraction other) => (Num * other.Den).CompareTo(other.Num * Den);

    public BigInteger Floor => BigInteger.Divide(Num - (Num.Sign < 0 ? Den - 1 : 0), Den);

    public override string ToString() => $"{Num}/{Den} (~{(double)Num / (double)Den:G17})";
}
