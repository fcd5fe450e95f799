using System.Globalization;
using System.Numerics;

namespace CascadeGuard.Primitives;

/// <summary>
/// A 256-bit unsigned integer with exactly the operations exact money arithmetic needs: the full product of two
/// 128-bit values, checked addition and subtraction, shifts, and division by a 128-bit divisor. Allocation-free,
/// so the buffer pool's O(1) offset and <see cref="MoneyConversion"/> can multiply before they divide without
/// losing a bit. <see cref="BigInteger"/> would do the same but allocates.
/// </summary>
/// <remarks>Immutable value type; thread-safe. Limbs are little-endian: <see cref="U0"/> is the lowest.</remarks>
internal readonly struct UInt256 : IEquatable<UInt256>, IComparable<UInt256>
{
    public readonly ulong U0;
    public readonly ulong U1;
    public readonly ulong U2;
    public readonly ulong U3;

    public UInt256(ulong u0, ulong u1, ulong u2, ulong u3)
    {
        U0 = u0;
        U1 = u1;
        U2 = u2;
        U3 = u3;
    }

    public UInt256(UInt128 value)
        : this((ulong)value, (ulong)(value >> 64), 0, 0)
    {
    }

    public static UInt256 Zero => default;

    public bool IsZero => (U0 | U1 | U2 | U3) == 0;

    /// <summary>True when the value is below 2^128.</summary>
    public bool FitsUInt128 => (U2 | U3) == 0;

    /// <summary>The low 128 bits.</summary>
    public UInt128 Low128 => new(U1, U0);

    /// <summary>The full 256-bit product (never overflows).</summary>
    public static UInt256 Multiply(UInt128 a, UInt128 b)
    {
        var a0 = (ulong)a;
        var a1 = (ulong)(a >> 64);
        var b0 = (ulong)b;
        var b1 = (ulong)(b >> 64);
        var h00 = Math.BigMul(a0, b0, out var l00);
        var h01 = Math.BigMul(a0, b1, out var l01);
        var h10 = Math.BigMul(a1, b0, out var l10);
        var h11 = Math.BigMul(a1, b1, out var l11);

        // Column sums fit in UInt128 (at most three 64-bit terms plus a carry).
        UInt128 c1 = (UInt128)h00 + l01 + l10;
        UInt128 c2 = (c1 >> 64) + h01 + h10 + l11;
        var u3 = (ulong)(c2 >> 64) + h11;
        return new UInt256(l00, (ulong)c1, (ulong)c2, u3);
    }

    /// <summary>Product with a 64-bit factor; throws <see cref="OverflowException"/> past 2^256 − 1.</summary>
    public static UInt256 MultiplyChecked(UInt256 a, ulong b)
    {
        var h0 = Math.BigMul(a.U0, b, out var l0);
        var h1 = Math.BigMul(a.U1, b, out var l1);
        var h2 = Math.BigMul(a.U2, b, out var l2);
        var h3 = Math.BigMul(a.U3, b, out var l3);
        ulong c = 0;
        var r1 = AddWithCarry(l1, h0, ref c);
        var r2 = AddWithCarry(l2, h1, ref c);
        var r3 = AddWithCarry(l3, h2, ref c);
        if (h3 != 0 || c != 0)
        {
            throw new OverflowException("256-bit multiplication overflowed.");
        }

        return new UInt256(l0, r1, r2, r3);
    }

    /// <summary>Sum; throws <see cref="OverflowException"/> past 2^256 − 1.</summary>
    public static UInt256 AddChecked(UInt256 a, UInt256 b)
    {
        var s0 = a.U0 + b.U0;
        ulong c = s0 < a.U0 ? 1UL : 0UL;
        var s1 = AddWithCarry(a.U1, b.U1, ref c);
        var s2 = AddWithCarry(a.U2, b.U2, ref c);
        var s3 = AddWithCarry(a.U3, b.U3, ref c);
        if (c != 0)
        {
            throw new OverflowException("256-bit addition overflowed.");
        }

        return new UInt256(s0, s1, s2, s3);
    }

    /// <summary>Difference; throws <see cref="OverflowException"/> when <paramref name="b"/> exceeds <paramref name="a"/>.</summary>
    public static UInt256 SubtractChecked(UInt256 a, UInt256 b)
    {
        if (a < b)
        {
            throw new OverflowException("256-bit subtraction went below zero.");
        }

        var d0 = a.U0 - b.U0;
        ulong borrow = a.U0 < b.U0 ? 1UL : 0UL;
        var d1 = SubWithBorrow(a.U1, b.U1, ref borrow);
        var d2 = SubWithBorrow(a.U2, b.U2, ref borrow);
        var d3 = SubWithBorrow(a.U3, b.U3, ref borrow);
        return new UInt256(d0, d1, d2, d3);
    }

    private static ulong AddWithCarry(ulong x, ulong y, ref ulong carry)
    {
        var s = x + y;
        var c1 = s < x ? 1UL : 0UL;
        var t = s + carry;
        var c2 = t < s ? 1UL : 0UL;
        carry = c1 | c2;
        return t;
    }

    private static ulong SubWithBorrow(ulong x, ulong y, ref ulong borrow)
    {
        var d = x - y;
        var b1 = x < y ? 1UL : 0UL;
        var t = d - borrow;
        var b2 = d < borrow ? 1UL : 0UL;
        borrow = b1 | b2;
        return t;
    }

    /// <summary>Logical right shift; any count of 256 or more gives zero.</summary>
    public UInt256 ShiftRight(int count)
    {
        if (count <= 0)
        {
            return this;
        }

        if (count >= 256)
        {
            return Zero;
        }

        Span<ulong> src = [U0, U1, U2, U3];
        Span<ulong> dst = stackalloc ulong[4];
        int limbs = count >> 6, bits = count & 63;
        for (var i = 0; i < 4; i++)
        {
            var from = i + limbs;
            if (from >= 4)
            {
                dst[i] = 0;
                continue;
            }

            var v = src[from] >> bits;
            if (bits != 0 && from + 1 < 4)
            {
                v |= src[from + 1] << (64 - bits);
            }

            dst[i] = v;
        }

        return new UInt256(dst[0], dst[1], dst[2], dst[3]);
    }

    /// <summary>Left shift that reports, rather than drops, bits pushed past 2^256.</summary>
    public bool TryShiftLeft(int count, out UInt256 result)
    {
        if (count <= 0 || IsZero)
        {
            result = this;
            return true;
        }

        if (count >= 256 || BitLength + count > 256)
        {
            result = Zero;
            return false;
        }

        Span<ulong> src = [U0, U1, U2, U3];
        Span<ulong> dst = stackalloc ulong[4];
        int limbs = count >> 6, bits = count & 63;
        for (var i = 3; i >= 0; i--)
        {
            var from = i - limbs;
            if (from < 0)
            {
                dst[i] = 0;
                continue;
            }

            var v = src[from] << bits;
            if (bits != 0 && from - 1 >= 0)
            {
                v |= src[from - 1] >> (64 - bits);
            }

            dst[i] = v;
        }

        result = new UInt256(dst[0], dst[1], dst[2], dst[3]);
        return true;
    }

    /// <summary>True when any of the lowest <paramref name="count"/> bits is set (what a right shift by that count drops).</summary>
    public bool HasBitsBelow(int count)
    {
        if (count <= 0)
        {
            return false;
        }

        if (count >= 256)
        {
            return !IsZero;
        }

        Span<ulong> limbs = [U0, U1, U2, U3];
        int full = count >> 6, bits = count & 63;
        for (var i = 0; i < full; i++)
        {
            if (limbs[i] != 0)
            {
                return true;
            }
        }

        return bits != 0 && (limbs[full] & ((1UL << bits) - 1)) != 0;
    }

    /// <summary>Number of significant bits (0 for zero).</summary>
    public int BitLength =>
        U3 != 0 ? 256 - BitOperations.LeadingZeroCount(U3)
        : U2 != 0 ? 192 - BitOperations.LeadingZeroCount(U2)
        : U1 != 0 ? 128 - BitOperations.LeadingZeroCount(U1)
        : 64 - BitOperations.LeadingZeroCount(U0);

    /// <summary>
    /// Quotient and remainder of division by a 128-bit divisor (Knuth's Algorithm D over 32-bit digits, as in
    /// Warren, <i>Hacker's Delight</i>, 2nd ed., §9-2, <c>divmnu</c>).
    /// </summary>
    /// <exception cref="DivideByZeroException"><paramref name="divisor"/> is zero.</exception>
    public static UInt256 DivRem(UInt256 dividend, UInt128 divisor, out UInt128 remainder)
    {
        if (divisor == UInt128.Zero)
        {
            throw new DivideByZeroException();
        }

        if (dividend.FitsUInt128)
        {
            var n = dividend.Low128;
            (var q128, remainder) = UInt128.DivRem(n, divisor);
            return new UInt256(q128);
        }

        Span<uint> u = stackalloc uint[8];
        ToDigits(dividend, u);
        Span<uint> v = stackalloc uint[4];
        v[0] = (uint)divisor;
        v[1] = (uint)(divisor >> 32);
        v[2] = (uint)(divisor >> 64);
        v[3] = (uint)(divisor >> 96);
        var m = Significant(u);
        var nd = Significant(v);
        Span<uint> q = stackalloc uint[8];
        q.Clear();
        Span<uint> r = stackalloc uint[4];
        r.Clear();
        if (m < nd)
        {
            // Cannot happen once the dividend is at least 2^128 > divisor, kept for completeness.
            remainder = dividend.Low128;
            return Zero;
        }

        DivideDigits(u[..m], v[..nd], q, r);
        remainder = new UInt128(((ulong)r[3] << 32) | r[2], ((ulong)r[1] << 32) | r[0]);
        return new UInt256(
            ((ulong)q[1] << 32) | q[0],
            ((ulong)q[3] << 32) | q[2],
            ((ulong)q[5] << 32) | q[4],
            ((ulong)q[7] << 32) | q[6]);
    }

    private static void ToDigits(UInt256 x, Span<uint> d)
    {
        d[0] = (uint)x.U0;
        d[1] = (uint)(x.U0 >> 32);
        d[2] = (uint)x.U1;
        d[3] = (uint)(x.U1 >> 32);
        d[4] = (uint)x.U2;
        d[5] = (uint)(x.U2 >> 32);
        d[6] = (uint)x.U3;
        d[7] = (uint)(x.U3 >> 32);
    }

    private static int Significant(ReadOnlySpan<uint> digits)
    {
        var n = digits.Length;
        while (n > 0 && digits[n - 1] == 0)
        {
            n--;
        }

        return n;
    }

    private static void DivideDigits(ReadOnlySpan<uint> u, ReadOnlySpan<uint> v, Span<uint> q, Span<uint> r)
    {
        const ulong b = 1UL << 32;
        int m = u.Length, n = v.Length;
        if (n == 1)
        {
            ulong k = 0;
            for (var j = m - 1; j >= 0; j--)
            {
                var cur = (k << 32) | u[j];
                q[j] = (uint)(cur / v[0]);
                k = cur - (q[j] * (ulong)v[0]);
            }

            r[0] = (uint)k;
            return;
        }

        var s = BitOperations.LeadingZeroCount(v[n - 1]);
        Span<uint> vn = stackalloc uint[n];
        for (var i = n - 1; i > 0; i--)
        {
            vn[i] = (v[i] << s) | (uint)((ulong)v[i - 1] >> (32 - s));
        }

        vn[0] = v[0] << s;
        Span<uint> un = stackalloc uint[m + 1];
        un[m] = (uint)((ulong)u[m - 1] >> (32 - s));
        for (var i = m - 1; i > 0; i--)
        {
            un[i] = (u[i] << s) | (uint)((ulong)u[i - 1] >> (32 - s));
        }

        un[0] = u[0] << s;
        for (var j = m - n; j >= 0; j--)
        {
            var top = ((ulong)un[j + n] << 32) | un[j + n - 1];
            var qhat = top / vn[n - 1];
            var rhat = top - (qhat * vn[n - 1]);
            while (qhat >= b || qhat * vn[n - 2] > ((rhat << 32) | un[j + n - 2]))
            {
                qhat--;
                rhat += vn[n - 1];
                if (rhat >= b)
                {
                    break;
                }
            }

            long k = 0;
            long t;
            for (var i = 0; i < n; i++)
            {
                var p = qhat * vn[i];
                t = (long)un[i + j] - k - (long)(p & 0xFFFFFFFFUL);
                un[i + j] = (uint)t;
                k = (long)(p >> 32) - (t >> 32);
            }

            t = (long)un[j + n] - k;
            un[j + n] = (uint)t;
            q[j] = (uint)qhat;
            if (t < 0)
            {
                q[j]--;
                ulong c = 0;
                for (var i = 0; i < n; i++)
                {
                    var sum = (ulong)un[i + j] + vn[i] + c;
                    un[i + j] = (uint)sum;
                    c = sum >> 32;
                }

                un[j + n] = (uint)(un[j + n] + c);
            }
        }

        for (var i = 0; i < n - 1; i++)
        {
            r[i] = (un[i] >> s) | (uint)((ulong)un[i + 1] << (32 - s));
        }

        r[n - 1] = un[n - 1] >> s;
    }

    public static bool operator <(UInt256 a, UInt256 b) => a.CompareTo(b) < 0;

    public static bool operator >(UInt256 a, UInt256 b) => a.CompareTo(b) > 0;

    public static bool operator <=(UInt256 a, UInt256 b) => a.CompareTo(b) <= 0;

    public static bool operator >=(UInt256 a, UInt256 b) => a.CompareTo(b) >= 0;

    public static bool operator ==(UInt256 a, UInt256 b) => a.Equals(b);

    public static bool operator !=(UInt256 a, UInt256 b) => !a.Equals(b);

    public int CompareTo(UInt256 other) =>
        U3 != other.U3 ? U3.CompareTo(other.U3)
        : U2 != other.U2 ? U2.CompareTo(other.U2)
        : U1 != other.U1 ? U1.CompareTo(other.U1)
        : U0.CompareTo(other.U0);

    public bool Equals(UInt256 other) => U0 == other.U0 && U1 == other.U1 && U2 == other.U2 && U3 == other.U3;

    public override bool Equals(object? obj) => obj is UInt256 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(U0, U1, U2, U3);

    /// <summary>Fixed-width lower-case hexadecimal (64 digits), the snapshot form.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{U3:x16}{U2:x16}{U1:x16}{U0:x16}");

    /// <summary>Parses the form written by <see cref="ToString"/> (1 to 64 hexadecimal digits).</summary>
    public static bool TryParse(string? text, out UInt256 value)
    {
        value = Zero;
        if (string.IsNullOrEmpty(text) || text.Length > 64)
        {
            return false;
        }

        var padded = text.PadLeft(64, '0');
        Span<ulong> limbs = stackalloc ulong[4];
        for (var i = 0; i < 4; i++)
        {
            if (!ulong.TryParse(padded.AsSpan(48 - (16 * i), 16), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out limbs[i]))
            {
                return false;
            }
        }

        value = new UInt256(limbs[0], limbs[1], limbs[2], limbs[3]);
        return true;
    }

    /// <summary>For tests and diagnostics only (allocates).</summary>
    public BigInteger ToBigInteger() =>
        ((BigInteger)U3 << 192) | ((BigInteger)U2 << 128) | ((BigInteger)U1 << 64) | U0;
}
