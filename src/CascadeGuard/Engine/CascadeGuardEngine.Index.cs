using System.Numerics;
using System.Runtime.InteropServices;
using CascadeGuard.Margin;
using CascadeGuard.Primitives;

namespace CascadeGuard.Engine;

/// <content>
/// Which accounts a tick evaluates. Routing acts only on accounts evaluated liquidatable that no auction or live market job
/// holds, so a tick evaluates, among the accounts the full rule would touch (every holder of a moved asset, then the updated
/// accounts), only those that can be routed: the accounts whose liquidation ratio the move crossed (the ratio index), the
/// watched ones (evaluated liquidatable but not routed, freed by a finished job, or not indexable), and the updated ones —
/// in the order the full rule gives, so routing submits the same jobs in the same order.
/// </content>
public sealed partial class CascadeGuardEngine
{
    // Widening of a crossed ratio range, far beyond the few ulps by which a key, a ratio and an evaluation can disagree.
    private const double RatioSlack = 1e-9;

    // Amounts, prices and thresholds inside these bounds keep every product of an evaluation a normal double, so that its
    // relative error stays within a few ulps; beyond them the full rule applies.
    private const double SafeLow = 1e-100;
    private const double SafeHigh = 1e100;
    private const double SafeThreshold = 1e-9;

    private const long DirtyOnly = 64L << 32;

    // The live job of an account whose job ended between the saved tick and the snapshot (the scheduler's list of ended
    // jobs is not saved): held until the next tick forgets it, as in the original engine.
    private const long EndedBeforeSave = -1;

    private readonly LiquidationRatioIndex _ratioIndex;
    private bool[] _scanned;
    private readonly List<int> _watch = [];
    private int[] _watchSlot;
    private readonly int[]?[] _holderPositions;
    private readonly double[] _previousPrices;
    private readonly List<int> _crossed = [];
    private readonly List<int> _endedBeforeSave = [];
    private long[] _touchKeys = new long[1024];
    private ulong _movedAssets;
    private bool _touchedInOrder;

    /// <summary>
    /// Tests only: evaluate every holder of a moved asset and every updated account, as before the ratio index, to show that
    /// routing decides the same.
    /// </summary>
    internal bool TouchEveryHolder { get; set; }

    /// <summary>
    /// Builds the touched list: every account routing could act on this tick, in the order of the full rule. Updates
    /// <see cref="_evaluatedPrices"/> to this tick's prices.
    /// </summary>
    private void CollectTouched()
    {
        _epoch++;
        _touched.Clear();
        _touchedInOrder = true;
        ulong moved = 0, full = 0;
        for (var a = 0; a < _prices.Length; a++)
        {
            _previousPrices[a] = _evaluatedPrices[a];
            if (_evaluatedPrices[a] != _prices[a])
            {
                moved |= 1UL << a;
                if (TouchEveryHolder || !IsSafe(_evaluatedPrices[a]) || !IsSafe(_prices[a]))
                {
                    // First price, a resumed oracle (its evaluated price was reset) or an extreme price: every holder.
                    full |= 1UL << a;
                }

                _evaluatedPrices[a] = _prices[a];
            }
        }

        _movedAssets = moved;
        for (var bits = full; bits != 0; bits &= bits - 1)
        {
            TouchHolders(BitOperations.TrailingZeroCount(bits));
        }

        if (!TouchEveryHolder)
        {
            WatchCrossed(moved, full);
            foreach (var account in _watch)
            {
                if ((_indexedAssets[account] & moved) != 0)
                {
                    Touch(account, -1);
                }
            }
        }

        var dirty = CollectionsMarshal.AsSpan(_dirty);
        for (var i = 0; i < dirty.Length; i++)
        {
            Touch(dirty[i], i);
        }

        _dirty.Clear();
        if (!_touchedInOrder)
        {
            MemoryExtensions.Sort(_touchKeys.AsSpan(0, _touched.Count), CollectionsMarshal.AsSpan(_touched));
        }
    }

    /// <summary>Watches the unheld indexed accounts whose key lies in the ratio range each collateral's move crossed.</summary>
    private void WatchCrossed(ulong moved, ulong full)
    {
        var settlement = _definition.SettlementAsset.Value;
        var settlementBit = 1UL << settlement;
        for (var c = 0; c < _prices.Length; c++)
        {
            var pair = (1UL << c) | settlementBit;
            if (c == settlement || _ratioIndex.CountOf(c) == 0 || (moved & pair) == 0 || (full & pair) != 0)
            {
                continue;
            }

            if (!IsSafe(_evaluatedPrices[c]) || !IsSafe(_evaluatedPrices[settlement]))
            {
                // A ratio from an extreme price does not bound the evaluation's error: every holder the full rule touches.
                TouchHolders(c);
                continue;
            }

            var before = _previousPrices[c] / _previousPrices[settlement];
            var after = _evaluatedPrices[c] / _evaluatedPrices[settlement];
            _crossed.Clear();
            _ratioIndex.Collect(c, Math.Min(before, after) * (1 - RatioSlack), Math.Max(before, after) * (1 + RatioSlack), _crossed);
            foreach (var account in _crossed)
            {
                if (!IsHeld(account))
                {
                    Watch(account);
                }
            }
        }
    }

    /// <summary>Touches the holders of an asset that the full rule touches this tick (those holding a moved asset).</summary>
    private void TouchHolders(int asset)
    {
        foreach (var account in _holders[asset])
        {
            if ((_indexedAssets[account] & _movedAssets) != 0)
            {
                Touch(account, -1);
            }
        }
    }

    /// <summary>Adds an account to the touched list once, with its rank in the full rule's order.</summary>
    private void Touch(int account, int dirtyIndex)
    {
        if (_touchedEpoch[account] == _epoch)
        {
            return;
        }

        _touchedEpoch[account] = _epoch;
        if (_touchKeys.Length == _touched.Count)
        {
            Array.Resize(ref _touchKeys, 2 * _touchKeys.Length);
        }

        // The full rule walks the moved assets in id order, each asset's holders in list order, then the updated accounts.
        var moved = _indexedAssets[account] & _movedAssets;
        long key;
        if (moved != 0)
        {
            var asset = BitOperations.TrailingZeroCount(moved);
            key = ((long)asset << 32) | (uint)(_holderPositions[asset]?[account] ?? account);
        }
        else
        {
            key = DirtyOnly | (uint)dirtyIndex;
        }

        var count = _touched.Count;
        _touchedInOrder &= count == 0 || _touchKeys[count - 1] < key;
        _touchKeys[count] = key;
        _touched.Add(new AccountId(account));
    }

    /// <summary>After routing: an indexed account stays watched only while it is liquidatable and nothing holds it.</summary>
    private void UpdateWatch(int evaluated)
    {
        for (var i = 0; i < evaluated; i++)
        {
            var a = _touched[i].Value;
            if (!_ratioIndex.Contains(a))
            {
                continue;
            }

            if (_statusScratch[i] >= AccountStatus.Liquidatable && !IsHeld(a))
            {
                Watch(a);
            }
            else
            {
                Unwatch(a);
            }
        }
    }

    /// <summary>Whether routing would pass over the account before looking at it: an active auction or a running market job.</summary>
    private bool IsHeld(int account) => _activeAuction[account] != 0 || (_activeMarket[account] >= 0 && _liveJob[account] != 0);

    private static bool IsSafe(double price) => price >= SafeLow && price <= SafeHigh;

    private void Watch(int account)
    {
        if (_watchSlot[account] == 0)
        {
            _watch.Add(account);
            _watchSlot[account] = _watch.Count;
        }
    }

    private void Unwatch(int account)
    {
        var slot = _watchSlot[account] - 1;
        if (slot < 0)
        {
            return;
        }

        var last = _watch[^1];
        _watch[slot] = last;
        _watchSlot[last] = slot + 1;
        _watch.RemoveAt(_watch.Count - 1);
        _watchSlot[account] = 0;
    }

    /// <summary>
    /// Classifies an account after its positions changed. Unroutable (no settlement debt, or no collateral with risk
    /// parameters besides the settlement asset): never evaluated on a price move, since routing passes over it. Indexable (one
    /// weighted collateral, settlement debt only, linear threshold, amounts in the safe range): liquidatable exactly when
    /// collateral price / settlement price ≤ debt / (quantity × threshold), its key. Anything else: watched, evaluated on
    /// every move of an asset it holds.
    /// </summary>
    private void Rekey(int account)
    {
        var settlement = _definition.SettlementAsset.Value;
        var k = _book.CollateralSlots;
        var assets = _book.CollateralAssetColumn.Slice(account * k, k);
        var quantities = _book.CollateralQuantityColumn.Slice(account * k, k);
        int weighted = -1, weightedCount = 0;
        double held = 0;
        var settlementWeighted = false;
        for (var s = 0; s < k; s++)
        {
            if (quantities[s] > 0 && _table.At(assets[s]) is not null)
            {
                if (assets[s] == settlement)
                {
                    settlementWeighted = true;
                }
                else
                {
                    weighted = assets[s];
                    held = quantities[s];
                    weightedCount++;
                }
            }
        }

        var m = _book.DebtSlots;
        var debtAssets = _book.DebtAssetColumn.Slice(account * m, m);
        var amounts = _book.DebtAmountColumn.Slice(account * m, m);
        double owed = 0;
        var otherDebt = false;
        for (var s = 0; s < m; s++)
        {
            if (amounts[s] > 0)
            {
                if (debtAssets[s] == settlement)
                {
                    owed = amounts[s];
                }
                else
                {
                    otherDebt = true;
                }
            }
        }

        if (owed == 0 || weightedCount == 0)
        {
            _ratioIndex.Remove(account);
            _scanned[account] = false;
            Unwatch(account);
            return;
        }

        var parameters = _table.At(weighted)!;
        var threshold = parameters.LiquidationThreshold;
        if (weightedCount == 1 && !settlementWeighted && !otherDebt && parameters.SizeSchedule is null && threshold >= SafeThreshold
            && IsSafe(held) && IsSafe(owed))
        {
            _ratioIndex.Set(account, weighted, owed / (held * threshold));
            _scanned[account] = false;
            return;
        }

        _ratioIndex.Remove(account);
        _scanned[account] = true;
        Watch(account);
    }

    /// <summary>
    /// Rebuilds the index and the watch list after a restore: the saved watch list, or (from a snapshot without one) every
    /// account routing could act on, which the next evaluation narrows.
    /// </summary>
    private void RebuildIndex(int[]? watch)
    {
        _ratioIndex.Clear();
        Array.Clear(_watchSlot);
        _watch.Clear();
        for (var a = 0; a < _book.Count; a++)
        {
            Rekey(a);
            if (watch is null && _ratioIndex.Contains(a) && !IsHeld(a))
            {
                Watch(a);
            }
        }

        if (watch is not null)
        {
            Array.Clear(_watchSlot);
            _watch.Clear();
            foreach (var account in watch)
            {
                Check(account >= 0 && account < _book.Count && _watchSlot[account] == 0, "watch", account);
                Watch(account);
            }

            for (var a = 0; a < _book.Count; a++)
            {
                // Accounts that are not indexable are always watched.
                Check(!_scanned[a] || _watchSlot[a] != 0, "watch", a);
            }
        }

        for (var asset = 0; asset < _holders.Length; asset++)
        {
            _holderPositions[asset] = null;
            var list = _holders[asset];
            for (var i = 1; i < list.Count && _holderPositions[asset] is null; i++)
            {
                if (list[i] <= list[i - 1])
                {
                    TrackHolderPositions(asset);
                }
            }
        }
    }

    /// <summary>
    /// Once an asset's holders list is no longer in account order, remembers each account's first position in it (the full
    /// rule's order); while it is in order, the account id is its rank.
    /// </summary>
    private void TrackHolderPositions(int asset)
    {
        var positions = new int[_indexedAssets.Length];
        Array.Fill(positions, int.MaxValue);
        var list = _holders[asset];
        for (var i = list.Count - 1; i >= 0; i--)
        {
            positions[list[i]] = i;
        }

        _holderPositions[asset] = positions;
    }

    private void EnsureIndexCapacity(int size)
    {
        _ratioIndex.EnsureCapacity(size);
        Array.Resize(ref _scanned, size);
        Array.Resize(ref _watchSlot, size);
        for (var a = 0; a < _holderPositions.Length; a++)
        {
            if (_holderPositions[a] is { } positions)
            {
                var old = positions.Length;
                Array.Resize(ref positions, size);
                Array.Fill(positions, int.MaxValue, old, size - old);
                _holderPositions[a] = positions;
            }
        }
    }
}
