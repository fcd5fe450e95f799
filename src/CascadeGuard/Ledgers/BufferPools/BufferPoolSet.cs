using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers.BufferPools;

/// <summary>
/// Several buffer pools (for example one per market, or first-loss and second-loss tiers) behind one routing rule,
/// exposed to the scheduler through <see cref="ILiquidationAbsorber"/>.
/// </summary>
/// <remarks>
/// <para>
/// Routing rule: the eligible pools for a liquidation are those whose debt asset is the liquidation's and whose
/// <see cref="BufferPoolOptions.Markets"/> list is empty or names its market; they are filled in order of
/// <see cref="BufferPoolOptions.Priority"/> (then declaration order), each taking what it can
/// (<see cref="BufferPool.GetAbsorbable"/>), until the debt is absorbed or the pools are exhausted. Each pool takes
/// collateral in proportion to the debt it absorbs, rounded down; when the whole debt is absorbed the last pool also
/// takes the rounding remainder, so no collateral is stranded.
/// </para>
/// <para>
/// An absorption is atomic across pools: every pool's offset is checked before any is applied. Each pool journals its
/// own offset under an id derived from the request's; the set journals the routing decision and keeps its own
/// idempotency index. Pools sharing an asset must use the same quantum for it. Deposits, withdrawals and claims go to
/// the pools directly (<see cref="Pools"/>). Not thread-safe.
/// </para>
/// </remarks>
public sealed class BufferPoolSet : ILiquidationAbsorber
{
    private readonly BufferPool[] _pools;
    private readonly TimeProvider _time;
    private readonly Dictionary<AssetId, MoneyUnits> _units = [];
    private readonly LedgerLog<BufferPoolSetEvent> _log = new();
    private readonly Dictionary<long, decimal[]> _taken = [];

    /// <summary>Creates a set of empty pools.</summary>
    /// <param name="pools">One options object per pool, each validated and copied; at least one; names distinct.</param>
    /// <param name="timeProvider">Clock for journal timestamps; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentException">Options are invalid, names repeat, or two pools give one asset different quanta.</exception>
    public BufferPoolSet(IEnumerable<BufferPoolOptions> pools, TimeProvider? timeProvider = null)
        : this(Create(pools, timeProvider), timeProvider)
    {
    }

    private BufferPoolSet(BufferPool[] pools, TimeProvider? timeProvider)
    {
        if (pools.Length == 0)
        {
            throw new ArgumentException("A buffer pool set needs at least one pool.", nameof(pools));
        }

        _pools = pools;
        _time = timeProvider ?? TimeProvider.System;
        for (var i = 0; i < pools.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(pools[i].Name, pools[j].Name, StringComparison.Ordinal))
                {
                    Guard.Throw(nameof(pools), pools[i].Name, "must not repeat a pool name");
                }
            }

            AddQuantum(pools[i].DebtAsset, pools[i].DebtQuantum);
            foreach (var a in pools[i].GainAssets)
            {
                AddQuantum(a.Asset, a.Quantum);
            }
        }
    }

    private static BufferPool[] Create(IEnumerable<BufferPoolOptions> pools, TimeProvider? timeProvider)
    {
        Guard.NotNull(pools);
        var list = new List<BufferPool>();
        foreach (var o in pools)
        {
            list.Add(new BufferPool(o, timeProvider));
        }

        return [.. list];
    }

    private void AddQuantum(AssetId asset, decimal quantum)
    {
        if (_units.TryGetValue(asset, out var existing))
        {
            if (existing.Quantum != quantum)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Pools give {asset} different quanta ({existing.Quantum} and {quantum})."), nameof(asset));
            }

            return;
        }

        _units.Add(asset, new MoneyUnits(quantum));
    }

    /// <summary>The pools, in declaration order (indices used by <see cref="Route"/> and the journal).</summary>
    public IReadOnlyList<BufferPool> Pools => _pools;

    /// <summary>The set's journal of absorptions (each pool journals its own offsets too).</summary>
    public IReadOnlyList<BufferPoolSetEvent> Journal => _log.Journal;

    /// <summary>The sequence number the next recorded absorption will get.</summary>
    public long NextSequence => _log.NextSequence;

    /// <summary>Writes the indices of the pools eligible for a liquidation, in routing order.</summary>
    /// <returns>How many indices were written.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="Pools"/>.</exception>
    public int Route(MarketId market, AssetId debtAsset, Span<int> destination)
    {
        Guard.DestinationLength(destination, _pools.Length);
        var count = 0;
        for (var i = 0; i < _pools.Length; i++)
        {
            var p = _pools[i];
            if (p.DebtAsset != debtAsset || !ServesMarket(p, market))
            {
                continue;
            }

            // Insertion by (priority, index): stable and allocation-free for a handful of pools.
            var at = count;
            while (at > 0 && _pools[destination[at - 1]].Priority > p.Priority)
            {
                destination[at] = destination[at - 1];
                at--;
            }

            destination[at] = i;
            count++;
        }

        return count;
    }

    private static bool ServesMarket(BufferPool pool, MarketId market)
    {
        var markets = pool.Markets;
        if (markets.Count == 0)
        {
            return true;
        }

        for (var i = 0; i < markets.Count; i++)
        {
            if (markets[i] == market)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public decimal GetAbsorbable(MarketId market, AssetId debtAsset, decimal debt)
    {
        Guard.NonNegative(debt);
        if (!_units.TryGetValue(debtAsset, out var units))
        {
            return 0m;
        }

        Span<int> order = stackalloc int[_pools.Length];
        var n = Route(market, debtAsset, order);
        var remaining = units.FloorUnits(debt);
        long total = 0;
        for (var i = 0; i < n && remaining > 0; i++)
        {
            var cover = _pools[order[i]].Absorbable(remaining);
            total += cover;
            remaining -= cover;
        }

        return units.ToMoney(total);
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">
    /// <paramref name="collateralTaken"/> is too short, the debt is not a whole number of the debt asset's quantum, or
    /// a collateral amount is negative, not whole, or its asset is offered twice.
    /// </exception>
    public AbsorptionResult Absorb(in AbsorptionRequest request, Span<decimal> collateralTaken) => Absorb(request, collateralTaken, null);

    private AbsorptionResult Absorb(in AbsorptionRequest request, Span<decimal> collateralTaken, BufferPoolSetEvent? replay)
    {
        OperationId.RequireSet(request.Id, nameof(request));
        var offered = request.Collateral;
        Guard.DestinationLength(collateralTaken, offered.Length);
        collateralTaken[..offered.Length].Clear();
        if (!_units.TryGetValue(request.DebtAsset, out var debtUnits))
        {
            return new AbsorptionResult(LedgerOutcome.Applied, LedgerRejection.None, 0, 0m, request.Debt, 0);
        }

        var debt = debtUnits.ToPositiveUnits(request.Debt, "request.Debt");
        Span<long> offeredUnits = stackalloc long[offered.Length];
        var fp = OperationFingerprint.Of(100);
        fp.Add(request.Market.Value);
        fp.Add(request.Account.Value);
        fp.Add(request.DebtAsset.Value);
        fp.Add(debt);
        for (var i = 0; i < offered.Length; i++)
        {
            for (var j = 0; j < i; j++)
            {
                if (offered[j].Asset == offered[i].Asset)
                {
                    throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'request.Collateral' offers {offered[i].Asset} twice."), nameof(request));
                }
            }

            Guard.NonNegative(offered[i].Amount, "request.Collateral");
            offeredUnits[i] = _units.TryGetValue(offered[i].Asset, out var u) ? u.ToUnits(offered[i].Amount, "request.Collateral") : -1;
            fp.Add(offered[i].Asset.Value);
            fp.Add(offeredUnits[i]);
        }

        if (_log.Operations.TryRepeat(request.Id, fp.Value, debtUnits, out var repeat))
        {
            if (repeat.Outcome == LedgerOutcome.Duplicate && _taken.TryGetValue(request.Id.Value, out var taken))
            {
                taken.AsSpan().CopyTo(collateralTaken);
            }

            return new AbsorptionResult(repeat.Outcome, repeat.Rejection, repeat.Sequence, repeat.Amount, repeat.Remainder, 0);
        }

        // Plan: which pools take how much debt.
        Span<int> order = stackalloc int[_pools.Length];
        Span<long> cover = stackalloc long[_pools.Length];
        var routed = Route(request.Market, request.DebtAsset, order);
        var remaining = debt;
        var used = 0;
        for (var i = 0; i < routed && remaining > 0; i++)
        {
            var c = _pools[order[i]].Absorbable(remaining);
            if (c > 0)
            {
                order[used] = order[i];
                cover[used] = c;
                used++;
                remaining -= c;
            }
        }

        if (used == 0)
        {
            return new AbsorptionResult(LedgerOutcome.Applied, LedgerRejection.None, 0, 0m, request.Debt, 0);
        }

        // Plan: collateral per pool, into each pool's scratch row; then check every pool before changing any.
        Span<long> given = stackalloc long[offered.Length];
        for (var u = 0; u < used; u++)
        {
            var pool = _pools[order[u]];
            var row = pool.Scratch;
            row.Clear();
            var lastOfFull = remaining == 0 && u == used - 1;
            for (var i = 0; i < offered.Length; i++)
            {
                if (offeredUnits[i] <= 0 || !pool.TryAssetIndex(offered[i].Asset, out var k))
                {
                    continue;
                }

                var share = lastOfFull
                    ? offeredUnits[i] - given[i]
                    : (long)((UInt128)(ulong)offeredUnits[i] * (ulong)cover[u] / (ulong)debt);
                row[k] = share;
                given[i] += share;
            }

            var refusal = pool.CheckOffset(cover[u], row);
            if (refusal == LedgerRejection.None && pool.Operations.TryGet(request.Id.Derive(order[u]), out _))
            {
                refusal = LedgerRejection.IdReused;
            }

            if (refusal != LedgerRejection.None)
            {
                return new AbsorptionResult(LedgerOutcome.Rejected, refusal, 0, 0m, 0m, 0);
            }
        }

        var allocations = new PoolAllocation[used];
        for (var u = 0; u < used; u++)
        {
            var pool = _pools[order[u]];
            var row = pool.Scratch;
            pool.ApplyOffset(request.Id.Derive(order[u]), BufferPool.OffsetFingerprint(cover[u], row), cover[u], row, null);
            allocations[u] = new PoolAllocation { Pool = order[u], Debt = pool.DebtUnits.ToMoney(cover[u]), Collateral = pool.Journal[^1].Collateral };
        }

        var takenMoney = new decimal[offered.Length];
        for (var i = 0; i < offered.Length; i++)
        {
            takenMoney[i] = given[i] == 0 ? 0m : _units[offered[i].Asset].ToMoney(given[i]);
        }

        takenMoney.AsSpan().CopyTo(collateralTaken);
        var absorbed = debt - remaining;
        var sequence = _log.Append(request.Id, fp.Value, absorbed, remaining, new BufferPoolSetEvent
        {
            Sequence = _log.NextSequence,
            Id = request.Id,
            At = replay?.At ?? _time.GetUtcNow(),
            Market = request.Market,
            Account = request.Account,
            DebtAsset = request.DebtAsset,
            Debt = request.Debt,
            DebtAbsorbed = debtUnits.ToMoney(absorbed),
            Offered = [.. offered],
            Allocations = allocations,
        });
        _taken.Add(request.Id.Value, takenMoney);
        return new AbsorptionResult(LedgerOutcome.Applied, LedgerRejection.None, sequence, debtUnits.ToMoney(absorbed), debtUnits.ToMoney(remaining), used);
    }

    /// <summary>
    /// Rebuilds a set from each pool's journal and the set's own journal. The pools re-execute their events; the set's
    /// events restore its routing records, each checked against the offsets the pools journaled for it.
    /// </summary>
    /// <param name="pools">The options the set was created with, in the same order.</param>
    /// <param name="journal">The set's journal.</param>
    /// <param name="poolJournals">One journal per pool, in the same order as <paramref name="pools"/>.</param>
    /// <param name="timeProvider">Clock for later events.</param>
    /// <exception cref="LedgerIntegrityException">A journal does not reproduce or the journals disagree.</exception>
    public static BufferPoolSet Replay(IEnumerable<BufferPoolOptions> pools, IEnumerable<BufferPoolSetEvent> journal, IReadOnlyList<IEnumerable<BufferPoolEvent>> poolJournals, TimeProvider? timeProvider = null)
    {
        Guard.NotNull(journal);
        Guard.NotNull(poolJournals);
        var set = new BufferPoolSet(pools, timeProvider);
        if (poolJournals.Count != set._pools.Length)
        {
            throw new LedgerIntegrityException(string.Create(CultureInfo.InvariantCulture, $"{poolJournals.Count} pool journals for {set._pools.Length} pools."));
        }

        for (var i = 0; i < set._pools.Length; i++)
        {
            foreach (var e in poolJournals[i])
            {
                set._pools[i].ReplayOne(e);
            }
        }

        foreach (var e in journal)
        {
            set.ReplayOne(e);
        }

        return set;
    }

    private void ReplayOne(BufferPoolSetEvent e)
    {
        Guard.NotNull(e);
        _log.ExpectSequence(e.Sequence, "Pool set");
        if (!_units.TryGetValue(e.DebtAsset, out var debtUnits) || e.Allocations is null || e.Offered is null)
        {
            throw new LedgerIntegrityException(string.Create(CultureInfo.InvariantCulture, $"Pool set journal event {e.Sequence} is out of order or malformed."));
        }

        long absorbed = 0;
        var taken = new decimal[e.Offered.Count];
        var fp = OperationFingerprint.Of(100);
        fp.Add(e.Market.Value);
        fp.Add(e.Account.Value);
        fp.Add(e.DebtAsset.Value);
        fp.Add(debtUnits.ToUnits(e.Debt, nameof(e.Debt)));
        for (var i = 0; i < e.Offered.Count; i++)
        {
            fp.Add(e.Offered[i].Asset.Value);
            fp.Add(_units.TryGetValue(e.Offered[i].Asset, out var u) ? u.ToUnits(e.Offered[i].Amount, nameof(e.Offered)) : -1);
        }

        foreach (var a in e.Allocations)
        {
            if (a.Pool < 0 || a.Pool >= _pools.Length || !_pools[a.Pool].Operations.TryGet(e.Id.Derive(a.Pool), out var entry)
                || _pools[a.Pool].DebtUnits.ToMoney(entry.Applied) != a.Debt)
            {
                throw new LedgerIntegrityException(string.Create(CultureInfo.InvariantCulture, $"Pool set journal event {e.Sequence} names an offset pool {a.Pool} did not journal."));
            }

            absorbed += debtUnits.ToUnits(a.Debt, nameof(a.Debt));
            foreach (var c in a.Collateral)
            {
                for (var i = 0; i < taken.Length; i++)
                {
                    if (e.Offered[i].Asset == c.Asset)
                    {
                        taken[i] += c.Amount;
                    }
                }
            }
        }

        var debt = debtUnits.ToUnits(e.Debt, nameof(e.Debt));
        if (debtUnits.ToMoney(absorbed) != e.DebtAbsorbed || absorbed > debt)
        {
            throw new LedgerIntegrityException(string.Create(CultureInfo.InvariantCulture, $"Pool set journal event {e.Sequence} does not add up."));
        }

        _log.Append(e.Id, fp.Value, absorbed, debt - absorbed, e);
        _taken.Add(e.Id.Value, taken);
    }

    /// <summary>Serialises every pool and the set's routing records as versioned JSON.</summary>
    public string SaveSnapshot() => BufferPoolSetSnapshot.Write(this);

    /// <summary>Loads a set from <see cref="SaveSnapshot"/>'s JSON.</summary>
    /// <exception cref="LedgerIntegrityException">The JSON is not a valid snapshot of a supported version.</exception>
    public static BufferPoolSet Restore(string json, TimeProvider? timeProvider = null) => BufferPoolSetSnapshot.Read(json, timeProvider);

    internal static BufferPoolSet FromPools(BufferPool[] pools, TimeProvider? timeProvider) => new(pools, timeProvider);

    internal IdempotencyIndex Operations => _log.Operations;

    internal IReadOnlyDictionary<long, decimal[]> Taken => _taken;

    internal void LoadRecords(long nextSequence, List<LedgerSnapshotParts.OperationRecord>? operations, IEnumerable<KeyValuePair<long, decimal[]>> taken)
    {
        _log.Load(nextSequence, operations);
        foreach (var (id, t) in taken)
        {
            if (!_taken.TryAdd(id, t))
            {
                throw new LedgerIntegrityException("Pool set snapshot lists an absorption twice.");
            }
        }
    }
}
