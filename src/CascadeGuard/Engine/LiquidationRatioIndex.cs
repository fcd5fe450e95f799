namespace CascadeGuard.Engine;

/// <summary>
/// Accounts whose liquidation depends on one price ratio only (one weighted collateral against settlement debt), bucketed per
/// collateral asset by the ratio collateral price / settlement price at which they become liquidatable (their key), on a
/// logarithmic grid. A tick asks for the keys a ratio move crossed and evaluates only those accounts.
/// </summary>
/// <remarks>
/// The grid is only a filter: <see cref="Collect"/> returns exactly the accounts whose key lies in the asked range, and the
/// caller widens that range beyond any floating-point error so that the evaluation itself decides. Allocation happens only
/// when a bucket or the per-account arrays grow.
/// </remarks>
internal sealed class LiquidationRatioIndex
{
    // 256 buckets per doubling (0.27 % wide) over 2^-64 .. 2^64; keys beyond fall into the edge buckets, which are filtered by key.
    private const int BucketsPerOctave = 256;
    private const int Octaves = 64;
    private const int BucketCount = 2 * Octaves * BucketsPerOctave;

    private readonly List<int>?[][] _buckets;
    private readonly int[] _counts;
    private int[] _asset = [];
    private int[] _bucket = [];
    private int[] _slot = [];
    private double[] _key = [];

    /// <summary>Creates an empty index over <paramref name="assetCount"/> collateral assets.</summary>
    public LiquidationRatioIndex(int assetCount)
    {
        _buckets = new List<int>?[assetCount][];
        _counts = new int[assetCount];
        EnsureCapacity(1024);
    }

    /// <summary>Whether the account is indexed.</summary>
    public bool Contains(int account) => _asset[account] >= 0;

    /// <summary>Indexed accounts whose collateral is <paramref name="asset"/>.</summary>
    public int CountOf(int asset) => _counts[asset];

    /// <summary>Makes room for accounts <c>0 .. count − 1</c>.</summary>
    public void EnsureCapacity(int count)
    {
        if (count <= _asset.Length)
        {
            return;
        }

        var size = Math.Max(count, 2 * _asset.Length);
        var old = _asset.Length;
        Array.Resize(ref _asset, size);
        Array.Fill(_asset, -1, old, size - old);
        Array.Resize(ref _bucket, size);
        Array.Resize(ref _slot, size);
        Array.Resize(ref _key, size);
    }

    /// <summary>Indexes (or moves) an account under a collateral asset and key.</summary>
    public void Set(int account, int asset, double key)
    {
        var bucket = BucketOf(key);
        if (_asset[account] == asset && _bucket[account] == bucket)
        {
            _key[account] = key;
            return;
        }

        Remove(account);
        var buckets = _buckets[asset] ??= new List<int>?[BucketCount];
        var list = buckets[bucket] ??= [];
        _asset[account] = asset;
        _bucket[account] = bucket;
        _slot[account] = list.Count;
        _key[account] = key;
        list.Add(account);
        _counts[asset]++;
    }

    /// <summary>Removes an account from the index (nothing if it is not indexed).</summary>
    public void Remove(int account)
    {
        var asset = _asset[account];
        if (asset < 0)
        {
            return;
        }

        // Swap-remove: the last account of the bucket takes the freed slot.
        var list = _buckets[asset][_bucket[account]]!;
        var slot = _slot[account];
        var last = list[^1];
        list[slot] = last;
        _slot[last] = slot;
        list.RemoveAt(list.Count - 1);
        _asset[account] = -1;
        _counts[asset]--;
    }

    /// <summary>Appends to <paramref name="into"/> the accounts of <paramref name="asset"/> whose key lies in [low, high].</summary>
    public void Collect(int asset, double low, double high, List<int> into)
    {
        var buckets = _buckets[asset];
        if (buckets is null || _counts[asset] == 0)
        {
            return;
        }

        // One bucket of margin on each side in case Log2 rounds a key across a bucket edge; the key filter is exact.
        var first = Math.Max(0, BucketOf(low) - 1);
        var last = Math.Min(BucketCount - 1, BucketOf(high) + 1);
        for (var b = first; b <= last; b++)
        {
            var list = buckets[b];
            if (list is null)
            {
                continue;
            }

            foreach (var account in list)
            {
                var key = _key[account];
                if (key >= low && key <= high)
                {
                    into.Add(account);
                }
            }
        }
    }

    /// <summary>Forgets every account.</summary>
    public void Clear()
    {
        foreach (var buckets in _buckets)
        {
            if (buckets is null)
            {
                continue;
            }

            foreach (var list in buckets)
            {
                list?.Clear();
            }
        }

        Array.Clear(_counts);
        Array.Fill(_asset, -1);
    }

    private static int BucketOf(double key)
    {
        var scaled = Math.Floor(Math.Log2(key) * BucketsPerOctave) + (Octaves * BucketsPerOctave);
        return scaled <= 0 ? 0 : scaled >= BucketCount - 1 ? BucketCount - 1 : (int)scaled;
    }
}
