namespace CascadeGuard.Primitives;

/// <summary>
/// A small seeded generator (xoshiro256** seeded through SplitMix64, Blackman and Vigna 2018) whose whole state is four
/// integers, so a component can save it in a snapshot and a restored component draws exactly the numbers the original
/// would have. <see cref="System.Random"/> cannot be saved, which is why this exists.
/// </summary>
internal struct SplitMixRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SplitMixRandom(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    private SplitMixRandom(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
    }

    /// <summary>The state, for a snapshot.</summary>
    public readonly ulong[] State => [_s0, _s1, _s2, _s3];

    /// <summary>Rebuilds a generator from <see cref="State"/>; false when the state is not four words or all zero.</summary>
    public static bool TryRestore(ulong[]? state, out SplitMixRandom random)
    {
        random = default;
        if (state is not { Length: 4 } || (state[0] | state[1] | state[2] | state[3]) == 0)
        {
            return false;
        }

        random = new SplitMixRandom(state[0], state[1], state[2], state[3]);
        return true;
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong x)
    {
        var z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
