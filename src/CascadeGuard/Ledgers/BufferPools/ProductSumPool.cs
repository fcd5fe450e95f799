using System.Diagnostics;
using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers.BufferPools;

/// <summary>
/// The arithmetic heart of a buffer pool: pro-rata loss and gain sharing among any number of depositors in O(1) per
/// event, by the running product-sum technique (see docs/buffer-pools.md for the derivation and the precision bound).
/// </summary>
/// <remarks>
/// <para>
/// All amounts are non-negative 64-bit counts of the ledger's quantum. The running product <c>P</c> is a decimal
/// fixed-point number, 10^38 representing 1, kept in [10^29, 10^38]; whenever an offset would take it below 10^29 it
/// is multiplied by 10^9 (one "scale") and the division is redone from the exact numerator — as many times as needed.
/// A decimal base (rather than 2^127) makes shares exact whenever the pool total divides 10^38·C, which covers the round
/// decimal totals people actually deposit. The
/// running sums <c>S</c> (one per gain asset) are 256-bit, kept per (epoch, scale) "slot". Every division rounds down:
/// depositors' losses are rounded up, their gains down; the sub-unit remainder of each gain division is carried into
/// the next event.
/// </para>
/// <para>
/// The class checks none of the ledger rules (minimum balance, overflow of totals, ids); <see cref="BufferPool"/> does
/// that before calling it. Methods here assume valid input and either complete or throw before changing anything.
/// Not thread-safe.
/// </para>
/// </remarks>
internal sealed class ProductSumPool
{
    /// <summary>The scale factor: P is multiplied by 10^9 on each renormalisation.</summary>
    public const ulong ScaleFactor = 1_000_000_000UL;

    /// <summary>
    /// A deposit more than three scales old is below one unit (2^63 · 10^38 / (10^29 · 10^36) &lt; 10^-8): zero.
    /// </summary>
    public const int DepositSpan = 3;

    /// <summary>A running sum nine or more scales on, divided by 10^81, is zero (S &lt; 2^256 &lt; 10^78).</summary>
    public const int GainSpan = 8;

    /// <summary>P at the start of an epoch, 10^38 (represents 1).</summary>
    public static readonly UInt128 POne = UInt128.Parse("100000000000000000000000000000000000000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The floor P never stays below, 10^29 = 10^38 / 10^9.</summary>
    public static readonly UInt128 PFloor = POne / ScaleFactor;

    private static readonly UInt128[] ScalePowers = [1, ScaleFactor, (UInt128)ScaleFactor * ScaleFactor, (UInt128)ScaleFactor * ScaleFactor * ScaleFactor];

    private readonly int _assets;
    private readonly List<UInt256[]> _sums = [];
    private readonly List<int> _epochFirstSlot = [];
    private readonly UInt128[] _carry;
    private readonly UInt256[] _scratchSums;
    private readonly UInt128[] _scratchCarry;

    private long _total;
    private UInt128 _p = POne;
    private int _scale;
    private int _epoch;

    private int _capacity;
    private long[] _base = [];
    private UInt128[] _snapP = [];
    private int[] _snapEpoch = [];
    private int[] _snapScale = [];
    private int[] _snapSlot = [];
    private UInt256[] _snapS = [];
    private long[] _stash = [];

    public ProductSumPool(int assetCount)
    {
        Guard.Positive(assetCount);
        _assets = assetCount;
        _carry = new UInt128[assetCount];
        _scratchSums = new UInt256[assetCount];
        _scratchCarry = new UInt128[assetCount];
        _epochFirstSlot.Add(0);
        _sums.Add(new UInt256[assetCount]);
    }

    public int AssetCount => _assets;

    /// <summary>T: the pool's deposit balance in units, including the sub-unit dust left by rounding.</summary>
    public long Total => _total;

    public UInt128 P => _p;

    public int Scale => _scale;

    public int Epoch => _epoch;

    public int SlotCount => _sums.Count;

    /// <summary>One past the largest depositor index ever seen.</summary>
    public int Capacity => _capacity;

    internal IReadOnlyList<UInt256[]> Sums => _sums;

    internal IReadOnlyList<int> EpochFirstSlots => _epochFirstSlot;

    internal ReadOnlySpan<UInt128> Carry => _carry;

    /// <summary>The depositor's deposit now: its last recorded deposit times the product of shrink factors since, rounded down.</summary>
    public long GetCompounded(int depositor)
    {
        if ((uint)depositor >= (uint)_capacity)
        {
            return 0;
        }

        var b = _base[depositor];
        if (b == 0 || _snapEpoch[depositor] != _epoch)
        {
            return 0;
        }

        var diff = _scale - _snapScale[depositor];
        if (diff > DepositSpan)
        {
            return 0;
        }

        // Nested floor divisions compose: ⌊⌊d0·P/P0⌋ / 10^(9·diff)⌋ = ⌊d0·P / (P0·10^(9·diff))⌋.
        var q = UInt256.DivRem(UInt256.Multiply((ulong)b, _p), _snapP[depositor], out _);
        q = UInt256.DivRem(q, ScalePowers[diff], out _);
        Debug.Assert(q.FitsUInt128 && q.Low128 <= (ulong)b, "a compounded deposit never grows");
        return (long)(ulong)q.Low128;
    }

    /// <summary>The depositor's unclaimed gain in one asset: gains stashed at earlier touches plus those since.</summary>
    public long GetPendingGain(int depositor, int asset)
    {
        if ((uint)depositor >= (uint)_capacity)
        {
            return 0;
        }

        return checked(_stash[(depositor * _assets) + asset] + FreshGain(depositor, asset));
    }

    public bool HasPosition(int depositor)
    {
        if ((uint)depositor >= (uint)_capacity)
        {
            return false;
        }

        if (_base[depositor] != 0)
        {
            return true;
        }

        var row = _stash.AsSpan(depositor * _assets, _assets);
        foreach (var s in row)
        {
            if (s != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Adds to a deposit. The caller checked that <c>Total + amount</c> fits.</summary>
    public void Deposit(int depositor, long amount)
    {
        Debug.Assert(amount > 0 && amount <= long.MaxValue - _total, "validated by the ledger");
        EnsureCapacity(depositor);
        Touch(depositor);
        _base[depositor] = checked(_base[depositor] + amount);
        _total = checked(_total + amount);
    }

    /// <summary>Removes part of a deposit. The caller checked <c>amount ≤ GetCompounded(depositor)</c>.</summary>
    public void Withdraw(int depositor, long amount)
    {
        Debug.Assert(amount > 0 && amount <= GetCompounded(depositor), "validated by the ledger");
        Touch(depositor);
        _base[depositor] -= amount;
        _total -= amount;
    }

    /// <summary>Pays out the depositor's whole pending gain in one asset and returns it.</summary>
    public long Claim(int depositor, int asset)
    {
        EnsureCapacity(depositor);
        Touch(depositor);
        var i = (depositor * _assets) + asset;
        var amount = _stash[i];
        _stash[i] = 0;
        return amount;
    }

    /// <summary>
    /// Cancels <paramref name="debt"/> units of deposits pro rata and shares <paramref name="gains"/> (per asset)
    /// pro rata. <paramref name="debt"/> equal to <see cref="Total"/> empties the pool and starts a new epoch; otherwise
    /// at least one unit must remain (the ledger enforces its minimum balance).
    /// </summary>
    public void Offset(long debt, ReadOnlySpan<long> gains)
    {
        Debug.Assert(debt > 0 && debt <= _total && gains.Length == _assets, "validated by the ledger");
        PrepareGains(gains);
        if (debt == _total)
        {
            CommitGains();
            StartEpoch();
            return;
        }

        // P' = P·(T − D)/T, rounded down; renormalised from the exact numerator until P' ≥ 10^29.
        var numerator = UInt256.Multiply(_p, (ulong)(_total - debt));
        var q = UInt256.DivRem(numerator, (ulong)_total, out _);
        var steps = 0;
        while (q < new UInt256(PFloor))
        {
            numerator = UInt256.MultiplyChecked(numerator, ScaleFactor);
            q = UInt256.DivRem(numerator, (ulong)_total, out _);
            steps++;
        }

        Debug.Assert(q.FitsUInt128 && q.Low128 <= POne, "P stays within [10^29, 10^38]");
        CommitGains();
        for (var i = 0; i < steps; i++)
        {
            _scale++;
            _sums.Add(new UInt256[_assets]);
        }

        _p = q.Low128;
        _total -= debt;
    }

    /// <summary>Shares <paramref name="gains"/> pro rata without cancelling debt (depositor rewards). Requires deposits.</summary>
    public void Distribute(ReadOnlySpan<long> gains)
    {
        Debug.Assert(_total > 0 && gains.Length == _assets, "validated by the ledger");
        PrepareGains(gains);
        CommitGains();
    }

    /// <summary>
    /// S += (C·P + carry·P) / T per asset, rounded down; the remainder (below 10^-10 units) becomes the next carry.
    /// Computed into scratch first so an overflow changes nothing.
    /// </summary>
    private void PrepareGains(ReadOnlySpan<long> gains)
    {
        var current = _sums[^1];
        for (var k = 0; k < _assets; k++)
        {
            var c = gains[k];
            var carry = _carry[k];
            if (c == 0 && carry == UInt128.Zero)
            {
                _scratchSums[k] = current[k];
                _scratchCarry[k] = carry;
                continue;
            }

            var numerator = UInt256.Multiply((ulong)c, _p);
            if (carry != UInt128.Zero)
            {
                numerator = UInt256.AddChecked(numerator, UInt256.Multiply(carry, _p).ShiftRight(64));
            }

            var q = UInt256.DivRem(numerator, (ulong)_total, out var rem);
            _scratchSums[k] = UInt256.AddChecked(current[k], q);

            // rem < T < 2^63, so rem·2^64 < 2^127 fits; the carry is rem/P in units with 64 fractional bits.
            _scratchCarry[k] = (rem << 64) / _p;
        }
    }

    private void CommitGains()
    {
        _scratchSums.AsSpan().CopyTo(_sums[^1]);
        _scratchCarry.AsSpan().CopyTo(_carry);
    }

    private void StartEpoch()
    {
        _epoch++;
        _scale = 0;
        _p = POne;
        _epochFirstSlot.Add(_sums.Count);
        _sums.Add(new UInt256[_assets]);
        _total = 0;
    }

    /// <summary>Crystallises a position: stashes its gains, rounds its deposit down to whole units, snapshots P and S.</summary>
    private void Touch(int depositor)
    {
        var b = _base[depositor];
        if (b != 0)
        {
            var row = depositor * _assets;
            for (var k = 0; k < _assets; k++)
            {
                _stash[row + k] = checked(_stash[row + k] + FreshGain(depositor, k));
            }

            b = GetCompounded(depositor);
        }

        _base[depositor] = b;
        Snapshot(depositor);
    }

    private void Snapshot(int depositor)
    {
        var slot = _sums.Count - 1;
        _snapP[depositor] = _p;
        _snapEpoch[depositor] = _epoch;
        _snapScale[depositor] = _scale;
        _snapSlot[depositor] = slot;
        _sums[slot].AsSpan().CopyTo(_snapS.AsSpan(depositor * _assets, _assets));
    }

    /// <summary>
    /// Gain since the snapshot: d0/P0 · (S[s] − S0 + Σ_j S[s+j] / 10^(9j)) over the slots of the snapshot's epoch,
    /// rounded down. The sum over later scales is evaluated in Horner form, ⌊(S[s+1] + ⌊(S[s+2] + …)/10^9⌋)/10^9⌋, which
    /// equals the floor of the exact sum; then d0·X/P0 is computed as d0·q + ⌊d0·r/P0⌋ with X = q·P0 + r, so no product
    /// needs more than 256 bits.
    /// </summary>
    private long FreshGain(int depositor, int asset)
    {
        var b = _base[depositor];
        if (b == 0)
        {
            return 0;
        }

        var slot0 = _snapSlot[depositor];
        var epoch = _snapEpoch[depositor];
        var last = epoch + 1 < _epochFirstSlot.Count ? _epochFirstSlot[epoch + 1] - 1 : _sums.Count - 1;
        var later = UInt256.Zero;
        for (var j = Math.Min(GainSpan, last - slot0); j >= 1; j--)
        {
            later = UInt256.DivRem(UInt256.AddChecked(_sums[slot0 + j][asset], later), ScaleFactor, out _);
        }

        var x = UInt256.AddChecked(UInt256.SubtractChecked(_sums[slot0][asset], _snapS[(depositor * _assets) + asset]), later);

        if (x.IsZero)
        {
            return 0;
        }

        var p0 = _snapP[depositor];
        var q = UInt256.DivRem(x, p0, out var r);
        if (!q.FitsUInt128 || q.Low128 > long.MaxValue)
        {
            throw new OverflowException("A depositor's gain exceeds 2^63 − 1 units.");
        }

        var whole = UInt256.Multiply((ulong)b, q.Low128);
        var part = UInt256.DivRem(UInt256.Multiply((ulong)b, r), p0, out _);
        var sum = UInt256.AddChecked(whole, part);
        if (!sum.FitsUInt128 || sum.Low128 > long.MaxValue)
        {
            throw new OverflowException("A depositor's gain exceeds 2^63 − 1 units.");
        }

        return (long)(ulong)sum.Low128;
    }

    internal void EnsureCapacity(int depositor)
    {
        if (depositor < _capacity)
        {
            return;
        }

        var size = Math.Max(depositor + 1, Math.Max(16, _capacity * 2));
        Array.Resize(ref _base, size);
        Array.Resize(ref _snapP, size);
        Array.Resize(ref _snapEpoch, size);
        Array.Resize(ref _snapScale, size);
        Array.Resize(ref _snapSlot, size);
        Array.Resize(ref _snapS, size * _assets);
        Array.Resize(ref _stash, size * _assets);
        _capacity = depositor + 1;
    }

    // ---- snapshot support: raw state in and out, validated on the way in ----

    internal DepositorState GetState(int depositor) => new(
        _base[depositor],
        _snapP[depositor],
        _snapEpoch[depositor],
        _snapScale[depositor],
        _snapSlot[depositor],
        _snapS.AsSpan(depositor * _assets, _assets).ToArray(),
        _stash.AsSpan(depositor * _assets, _assets).ToArray());

    internal void Load(long total, UInt128 p, int scale, int epoch, IReadOnlyList<int> epochFirstSlots, IReadOnlyList<UInt256[]> sums, ReadOnlySpan<UInt128> carry)
    {
        if (total < 0 || p < PFloor || p > POne || scale < 0 || epoch < 0 || epochFirstSlots.Count != epoch + 1
            || sums.Count == 0 || epochFirstSlots[0] != 0 || carry.Length != _assets
            || epochFirstSlots[epoch] + scale != sums.Count - 1)
        {
            throw new LedgerIntegrityException("Snapshot product-sum state is inconsistent (P, scale, epoch or slots).");
        }

        for (var e = 1; e <= epoch; e++)
        {
            if (epochFirstSlots[e] <= epochFirstSlots[e - 1])
            {
                throw new LedgerIntegrityException("Snapshot epoch slots are not increasing.");
            }
        }

        _sums.Clear();
        foreach (var s in sums)
        {
            if (s.Length != _assets)
            {
                throw new LedgerIntegrityException("Snapshot running sums have the wrong number of assets.");
            }

            _sums.Add((UInt256[])s.Clone());
        }

        _epochFirstSlot.Clear();
        _epochFirstSlot.AddRange(epochFirstSlots);
        carry.CopyTo(_carry);
        _total = total;
        _p = p;
        _scale = scale;
        _epoch = epoch;
    }

    internal void LoadDepositor(int depositor, in DepositorState state)
    {
        var slotOk = state.Slot >= 0 && state.Slot < _sums.Count && state.Epoch >= 0 && state.Epoch <= _epoch
            && state.Slot - _epochFirstSlot[state.Epoch] == state.Scale;
        if (state.Base < 0 || state.P < PFloor || state.P > POne || !slotOk
            || state.Sums.Length != _assets || state.Stash.Length != _assets)
        {
            throw new LedgerIntegrityException($"Snapshot depositor {depositor} is inconsistent.");
        }

        foreach (var s in state.Stash)
        {
            if (s < 0)
            {
                throw new LedgerIntegrityException($"Snapshot depositor {depositor} has a negative stashed gain.");
            }
        }

        EnsureCapacity(depositor);
        _base[depositor] = state.Base;
        _snapP[depositor] = state.P;
        _snapEpoch[depositor] = state.Epoch;
        _snapScale[depositor] = state.Scale;
        _snapSlot[depositor] = state.Slot;
        state.Sums.AsSpan().CopyTo(_snapS.AsSpan(depositor * _assets, _assets));
        state.Stash.AsSpan().CopyTo(_stash.AsSpan(depositor * _assets, _assets));
    }

    /// <summary>A depositor's raw record: last recorded deposit, snapshot of P, epoch, scale, slot, S, and stashed gains.</summary>
    internal readonly record struct DepositorState(long Base, UInt128 P, int Epoch, int Scale, int Slot, UInt256[] Sums, long[] Stash);
}
