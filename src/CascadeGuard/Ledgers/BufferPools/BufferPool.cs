using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers.BufferPools;

/// <summary>
/// A liquidity buffer pool in the style of a stability pool: depositors deposit a debt-denominated asset; when the
/// engine hands the pool a liquidation, the pool cancels that debt against all deposits pro rata and shares the
/// liquidated collateral pro rata, in O(1) whatever the number of depositors (running product-sum; see
/// docs/buffer-pools.md). Depositors also share rewards (for example a part of the liquidation penalty) pro rata.
/// </summary>
/// <remarks>
/// <para>
/// Money is exact: amounts are whole multiples of each asset's quantum, held as 64-bit counts of quanta. Rounding
/// always favours the pool's solvency: a depositor's compounded deposit and gains are rounded down, so the sum over
/// all depositors never exceeds what the pool holds; what rounding leaves over stays in the pool as dust, reported by
/// <see cref="Audit"/>.
/// </para>
/// <para>
/// Every operation carries an <see cref="OperationId"/>: a repeat has no effect and answers
/// <see cref="LedgerOutcome.Duplicate"/>. Refusals (overdraw, overflow, minimum balance) are
/// <see cref="LedgerOutcome.Rejected"/> receipts; malformed arguments throw. Either way the pool is exactly as before.
/// Every change is appended to <see cref="Journal"/>; <see cref="Replay"/> rebuilds the pool from it, and
/// <see cref="SaveSnapshot"/> / <see cref="Restore"/> save and load it as versioned JSON.
/// </para>
/// <para>
/// Depositors are <see cref="AccountId"/> dense indices: per-depositor state lives in arrays sized to the largest index
/// seen (36 bytes per index plus 40 per index and gain asset). Not thread-safe: one writer at a time (the engine's tick, or one grain).
/// </para>
/// </remarks>
public sealed class BufferPool
{
    private readonly BufferPoolOptions _options;
    private readonly TimeProvider _time;
    private readonly MoneyUnits _debt;
    private readonly MoneyUnits[] _gain;
    private readonly PoolAsset[] _assets;
    private readonly MarketId[] _markets;
    private readonly ProductSumPool _core;
    private readonly LedgerLog<BufferPoolEvent> _log = new();
    private readonly long[] _scratch;
    private readonly long _minimum;

    private Int128 _deposited;
    private Int128 _withdrawn;
    private Int128 _burned;
    private readonly Int128[] _received;
    private readonly Int128[] _claimed;
    private readonly long[] _held;

    /// <summary>Creates an empty pool.</summary>
    /// <param name="options">Validated, then copied.</param>
    /// <param name="timeProvider">Clock for journal timestamps; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public BufferPool(BufferPoolOptions options, TimeProvider? timeProvider = null)
    {
        Guard.NotNull(options);
        options.Validate();
        _options = options.Clone();
        _time = timeProvider ?? TimeProvider.System;
        _debt = new MoneyUnits(_options.DebtQuantum, nameof(options.DebtQuantum));
        _assets = [.. _options.GainAssets];
        _markets = [.. _options.Markets];
        _gain = new MoneyUnits[_assets.Length];
        for (var k = 0; k < _assets.Length; k++)
        {
            _gain[k] = new MoneyUnits(_assets[k].Quantum);
        }

        _minimum = _debt.ToUnits(_options.MinimumBalance, nameof(options.MinimumBalance));
        _core = new ProductSumPool(_assets.Length);
        _scratch = new long[_assets.Length];
        _received = new Int128[_assets.Length];
        _claimed = new Int128[_assets.Length];
        _held = new long[_assets.Length];
    }

    /// <summary>The pool's name.</summary>
    public string Name => _options.Name;

    /// <summary>The asset deposited and cancelled by offsets.</summary>
    public AssetId DebtAsset => _options.DebtAsset;

    /// <summary>Smallest unit of the debt asset.</summary>
    public decimal DebtQuantum => _debt.Quantum;

    /// <summary>The least balance a partial offset leaves.</summary>
    public decimal MinimumBalance => _options.MinimumBalance;

    /// <summary>Assets depositors can gain, with their quanta.</summary>
    public IReadOnlyList<PoolAsset> GainAssets => _assets;

    /// <summary>Markets a <see cref="BufferPoolSet"/> routes here; empty means all.</summary>
    public IReadOnlyList<MarketId> Markets => _markets;

    /// <summary>Routing order in a <see cref="BufferPoolSet"/> (lower first).</summary>
    public int Priority => _options.Priority;

    /// <summary>The deposit balance (including rounding dust).</summary>
    public decimal TotalDeposits => _debt.ToMoney(_core.Total);

    /// <summary>Everything ever deposited.</summary>
    public decimal TotalDeposited => _debt.ToMoney(_deposited);

    /// <summary>Everything ever withdrawn.</summary>
    public decimal TotalWithdrawn => _debt.ToMoney(_withdrawn);

    /// <summary>All debt cancelled by offsets. Deposited = withdrawn + burned + <see cref="TotalDeposits"/>, exactly.</summary>
    public decimal TotalDebtBurned => _debt.ToMoney(_burned);

    /// <summary>How many times the pool was emptied completely (deposits made before an epoch are worth zero after it).</summary>
    public int Epoch => _core.Epoch;

    /// <summary>How many times the running product has been renormalised by 10^9 in the current epoch.</summary>
    public int Scale => _core.Scale;

    /// <summary>The journal: every applied operation in order. Read-only view; grows as the pool changes.</summary>
    public IReadOnlyList<BufferPoolEvent> Journal => _log.Journal;

    /// <summary>The sequence number the next applied operation will get.</summary>
    public long NextSequence => _log.NextSequence;

    internal ProductSumPool Core => _core;

    internal MoneyUnits DebtUnits => _debt;

    internal MoneyUnits GainUnits(int index) => _gain[index];

    /// <summary>A depositor's compounded deposit: what it could withdraw now.</summary>
    public decimal GetDeposit(AccountId depositor) => _debt.ToMoney(_core.GetCompounded(depositor.Value));

    /// <summary>A depositor's unclaimed gain in one asset.</summary>
    /// <exception cref="ArgumentException"><paramref name="asset"/> is not one of the pool's gain assets.</exception>
    public decimal GetPendingGain(AccountId depositor, AssetId asset)
    {
        var k = AssetIndex(asset, nameof(asset));
        return _gain[k].ToMoney(_core.GetPendingGain(depositor.Value, k));
    }

    /// <summary>Collateral and rewards the pool holds in one asset (owed to depositors, plus dust).</summary>
    /// <exception cref="ArgumentException"><paramref name="asset"/> is not one of the pool's gain assets.</exception>
    public decimal GetHeld(AssetId asset)
    {
        var k = AssetIndex(asset, nameof(asset));
        return _gain[k].ToMoney(_held[k]);
    }

    /// <summary>
    /// How much of a debt the pool would cancel now: all of it if that leaves at least <see cref="MinimumBalance"/>;
    /// the whole pool if the debt is at least the whole pool (the pool is emptied, a new epoch starts); otherwise the
    /// pool's balance less the minimum. Rounded down to <see cref="DebtQuantum"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="debt"/> is negative.</exception>
    public decimal GetAbsorbable(decimal debt)
    {
        Guard.NonNegative(debt);
        return _debt.ToMoney(Absorbable(_debt.FloorUnits(debt)));
    }

    internal long Absorbable(long debtUnits)
    {
        var total = _core.Total;
        if (debtUnits <= 0 || total == 0)
        {
            return 0;
        }

        if (debtUnits >= total)
        {
            return total;
        }

        return Math.Min(debtUnits, Math.Max(0, total - _minimum));
    }

    /// <summary>Adds to a depositor's deposit (its pending gains are kept for a later claim).</summary>
    /// <param name="id">Idempotency key.</param>
    /// <param name="depositor">The depositor.</param>
    /// <param name="amount">Positive, a whole number of <see cref="DebtQuantum"/>.</param>
    /// <returns>Applied; duplicate; or rejected with <see cref="LedgerRejection.Overflow"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not set or <paramref name="amount"/> is not positive and whole.</exception>
    public LedgerReceipt Deposit(OperationId id, AccountId depositor, decimal amount) => Deposit(id, depositor, amount, null);

    /// <summary>Takes part of a depositor's compounded deposit out.</summary>
    /// <param name="id">Idempotency key.</param>
    /// <param name="depositor">The depositor.</param>
    /// <param name="amount">Positive, whole, at most <see cref="GetDeposit"/>.</param>
    /// <returns>Applied; duplicate; or rejected with <see cref="LedgerRejection.InsufficientBalance"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not set or <paramref name="amount"/> is not positive and whole.</exception>
    public LedgerReceipt Withdraw(OperationId id, AccountId depositor, decimal amount) => Withdraw(id, depositor, amount, null);

    /// <summary>Pays a depositor its whole pending gain in one asset (the receipt's amount; may be zero).</summary>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not set or <paramref name="asset"/> is not a gain asset.</exception>
    public LedgerReceipt Claim(OperationId id, AccountId depositor, AssetId asset) => Claim(id, depositor, asset, null);

    /// <summary>
    /// Cancels <paramref name="debt"/> against all deposits pro rata and shares <paramref name="collateral"/> pro rata
    /// among the same deposits, in O(1). The debt must be at most <see cref="GetAbsorbable"/> of itself: either it
    /// leaves at least <see cref="MinimumBalance"/>, or it equals <see cref="TotalDeposits"/> exactly (the pool is
    /// emptied and a new epoch starts).
    /// </summary>
    /// <param name="id">Idempotency key.</param>
    /// <param name="debt">Positive, whole number of <see cref="DebtQuantum"/>.</param>
    /// <param name="collateral">Gain assets of the pool, each at most once, amounts zero or positive and whole.</param>
    /// <returns>
    /// Applied (amount = debt cancelled); duplicate; or rejected with <see cref="LedgerRejection.InsufficientDeposits"/>,
    /// <see cref="LedgerRejection.BelowMinimumBalance"/> or <see cref="LedgerRejection.Overflow"/>.
    /// </returns>
    /// <exception cref="ArgumentException">An argument is malformed (unset id, bad amount, unknown or repeated asset).</exception>
    public LedgerReceipt Offset(OperationId id, decimal debt, ReadOnlySpan<AssetAmount> collateral)
    {
        OperationId.RequireSet(id, nameof(id));
        var units = _debt.ToPositiveUnits(debt, nameof(debt));
        ReadGains(collateral, nameof(collateral));
        return Offset(id, units, _scratch, null);
    }

    /// <summary>Shares a reward (for example the pool's part of a liquidation penalty) among depositors pro rata.</summary>
    /// <param name="id">Idempotency key.</param>
    /// <param name="asset">A gain asset of the pool.</param>
    /// <param name="amount">Positive, whole number of the asset's quantum.</param>
    /// <returns>Applied; duplicate; or rejected with <see cref="LedgerRejection.NoDepositors"/> or <see cref="LedgerRejection.Overflow"/>.</returns>
    /// <exception cref="ArgumentException">An argument is malformed.</exception>
    public LedgerReceipt DistributeReward(OperationId id, AssetId asset, decimal amount) => DistributeReward(id, asset, amount, null);

    /// <summary>Reckons every depositor against the pool's balances (O(depositors)).</summary>
    public BufferPoolAudit Audit()
    {
        long sum = 0;
        var owed = new long[_assets.Length];
        var depositors = 0;
        for (var d = 0; d < _core.Capacity; d++)
        {
            if (!_core.HasPosition(d))
            {
                continue;
            }

            depositors++;
            sum = checked(sum + _core.GetCompounded(d));
            for (var k = 0; k < owed.Length; k++)
            {
                owed[k] = checked(owed[k] + _core.GetPendingGain(d, k));
            }
        }

        var lines = new BufferPoolAssetAudit[_assets.Length];
        for (var k = 0; k < lines.Length; k++)
        {
            lines[k] = new BufferPoolAssetAudit(_assets[k].Asset, _gain[k].ToMoney(_received[k]), _gain[k].ToMoney(_claimed[k]), _gain[k].ToMoney(owed[k]));
        }

        return new BufferPoolAudit(TotalDeposits, _debt.ToMoney(sum), depositors, lines);
    }

    // ---------------------------------------------------------------- operations (at == null: live; else replay)

    private LedgerReceipt Deposit(OperationId id, AccountId depositor, decimal amount, BufferPoolEvent? replay)
    {
        OperationId.RequireSet(id, nameof(id));
        var units = _debt.ToPositiveUnits(amount, nameof(amount));
        var fp = Fingerprint(BufferPoolEventKind.Deposit, depositor.Value, 0, units);
        if (_log.Operations.TryRepeat(id, fp, _debt, out var repeat))
        {
            return repeat;
        }

        if (units > long.MaxValue - _core.Total)
        {
            return LedgerReceipt.Reject(LedgerRejection.Overflow);
        }

        _core.Deposit(depositor.Value, units);
        _deposited += units;
        return Record(id, fp, units, replay, new BufferPoolEvent { Kind = BufferPoolEventKind.Deposit, Depositor = depositor, Amount = amount });
    }

    private LedgerReceipt Withdraw(OperationId id, AccountId depositor, decimal amount, BufferPoolEvent? replay)
    {
        OperationId.RequireSet(id, nameof(id));
        var units = _debt.ToPositiveUnits(amount, nameof(amount));
        var fp = Fingerprint(BufferPoolEventKind.Withdrawal, depositor.Value, 0, units);
        if (_log.Operations.TryRepeat(id, fp, _debt, out var repeat))
        {
            return repeat;
        }

        if (units > _core.GetCompounded(depositor.Value))
        {
            return LedgerReceipt.Reject(LedgerRejection.InsufficientBalance);
        }

        _core.Withdraw(depositor.Value, units);
        _withdrawn += units;
        return Record(id, fp, units, replay, new BufferPoolEvent { Kind = BufferPoolEventKind.Withdrawal, Depositor = depositor, Amount = amount });
    }

    private LedgerReceipt Claim(OperationId id, AccountId depositor, AssetId asset, BufferPoolEvent? replay)
    {
        OperationId.RequireSet(id, nameof(id));
        var k = AssetIndex(asset, nameof(asset));
        var fp = Fingerprint(BufferPoolEventKind.Claim, depositor.Value, asset.Value, 0);
        if (_log.Operations.TryRepeat(id, fp, _gain[k], out var repeat))
        {
            return repeat;
        }

        if (!_core.HasPosition(depositor.Value))
        {
            // Nothing to pay and nothing to crystallise: not a change, so not journaled and the id stays free.
            return new LedgerReceipt(LedgerOutcome.Applied, LedgerRejection.None, 0, 0m, 0m);
        }

        var units = _core.Claim(depositor.Value, k);
        _claimed[k] += units;
        _held[k] -= units;
        var e = new BufferPoolEvent { Kind = BufferPoolEventKind.Claim, Depositor = depositor, Asset = asset, Amount = _gain[k].ToMoney(units) };
        return Record(id, fp, units, replay, e, _gain[k]);
    }

    private LedgerReceipt DistributeReward(OperationId id, AssetId asset, decimal amount, BufferPoolEvent? replay)
    {
        OperationId.RequireSet(id, nameof(id));
        var k = AssetIndex(asset, nameof(asset));
        var units = _gain[k].ToPositiveUnits(amount, nameof(amount));
        var fp = Fingerprint(BufferPoolEventKind.Reward, 0, asset.Value, units);
        if (_log.Operations.TryRepeat(id, fp, _gain[k], out var repeat))
        {
            return repeat;
        }

        if (_core.Total == 0)
        {
            return LedgerReceipt.Reject(LedgerRejection.NoDepositors);
        }

        if (units > long.MaxValue - _held[k])
        {
            return LedgerReceipt.Reject(LedgerRejection.Overflow);
        }

        Array.Clear(_scratch);
        _scratch[k] = units;
        _core.Distribute(_scratch);
        _received[k] += units;
        _held[k] += units;
        return Record(id, fp, units, replay, new BufferPoolEvent { Kind = BufferPoolEventKind.Reward, Asset = asset, Amount = amount }, _gain[k]);
    }

    private LedgerReceipt Offset(OperationId id, long debt, ReadOnlySpan<long> gains, BufferPoolEvent? replay)
    {
        var fp = OffsetFingerprint(debt, gains);
        if (_log.Operations.TryRepeat(id, fp, _debt, out var repeat))
        {
            return repeat;
        }

        var refusal = CheckOffset(debt, gains);
        return refusal != LedgerRejection.None ? LedgerReceipt.Reject(refusal) : ApplyOffset(id, fp, debt, gains, replay);
    }

    /// <summary>Whether an offset of these units would be refused, and why (pure).</summary>
    internal LedgerRejection CheckOffset(long debt, ReadOnlySpan<long> gains)
    {
        var total = _core.Total;
        if (debt > total)
        {
            return LedgerRejection.InsufficientDeposits;
        }

        if (debt < total && total - debt < _minimum)
        {
            return LedgerRejection.BelowMinimumBalance;
        }

        for (var k = 0; k < gains.Length; k++)
        {
            if (gains[k] > long.MaxValue - _held[k])
            {
                return LedgerRejection.Overflow;
            }
        }

        return LedgerRejection.None;
    }

    /// <summary>Applies an offset <see cref="CheckOffset"/> accepted. Used directly by <see cref="BufferPoolSet"/> after checking every pool.</summary>
    internal LedgerReceipt ApplyOffset(OperationId id, ulong fingerprint, long debt, ReadOnlySpan<long> gains, BufferPoolEvent? replay)
    {
        var emptied = debt == _core.Total;
        _core.Offset(debt, gains);
        _burned += debt;
        var count = 0;
        for (var k = 0; k < gains.Length; k++)
        {
            _received[k] += gains[k];
            _held[k] += gains[k];
            count += gains[k] != 0 ? 1 : 0;
        }

        var collateral = new AssetAmount[count];
        for (int k = 0, i = 0; k < gains.Length; k++)
        {
            if (gains[k] != 0)
            {
                collateral[i++] = new AssetAmount(_assets[k].Asset, _gain[k].ToMoney(gains[k]));
            }
        }

        var e = new BufferPoolEvent { Kind = BufferPoolEventKind.Offset, Amount = _debt.ToMoney(debt), Collateral = collateral, Emptied = emptied };
        return Record(id, fingerprint, debt, replay, e);
    }

    internal static ulong OffsetFingerprint(long debt, ReadOnlySpan<long> gains)
    {
        var f = OperationFingerprint.Of((int)BufferPoolEventKind.Offset);
        f.Add(debt);
        foreach (var g in gains)
        {
            f.Add(g);
        }

        return f.Value;
    }

    private static ulong Fingerprint(BufferPoolEventKind kind, int depositor, int asset, long units)
    {
        var f = OperationFingerprint.Of((int)kind);
        f.Add(depositor);
        f.Add(asset);
        f.Add(units);
        return f.Value;
    }

    private LedgerReceipt Record(OperationId id, ulong fingerprint, long units, BufferPoolEvent? replay, BufferPoolEvent draft, MoneyUnits? unitsOf = null)
    {
        var e = new BufferPoolEvent
        {
            Sequence = _log.NextSequence,
            Id = id,
            At = replay?.At ?? _time.GetUtcNow(),
            Kind = draft.Kind,
            Depositor = draft.Depositor,
            Asset = draft.Asset,
            Amount = draft.Amount,
            Collateral = draft.Collateral,
            Emptied = draft.Emptied,
        };
        var sequence = _log.Append(id, fingerprint, units, 0, e);
        var money = (unitsOf ?? _debt).ToMoney(units);
        return new LedgerReceipt(LedgerOutcome.Applied, LedgerRejection.None, sequence, money, 0m);
    }

    /// <summary>Fills the scratch row with the units of each gain asset named in <paramref name="amounts"/>.</summary>
    internal void ReadGains(ReadOnlySpan<AssetAmount> amounts, string name)
    {
        Array.Clear(_scratch);
        Span<bool> seen = stackalloc bool[_assets.Length];
        foreach (var a in amounts)
        {
            var k = AssetIndex(a.Asset, name);
            if (seen[k])
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{name}' lists {a.Asset} twice."), name);
            }

            seen[k] = true;
            _scratch[k] = _gain[k].ToUnits(a.Amount, name);
        }
    }

    internal Span<long> Scratch => _scratch;

    internal bool TryAssetIndex(AssetId asset, out int index)
    {
        for (var k = 0; k < _assets.Length; k++)
        {
            if (_assets[k].Asset == asset)
            {
                index = k;
                return true;
            }
        }

        index = -1;
        return false;
    }

    internal int AssetIndex(AssetId asset, string name)
    {
        if (TryAssetIndex(asset, out var k))
        {
            return k;
        }

        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{name}' {asset} is not a gain asset of pool '{Name}'."), name);
    }

    /// <summary>
    /// Rebuilds a pool by re-executing a journal from empty. Each event must carry the next sequence number and give
    /// the recorded result; the rebuilt pool then equals the live one (its snapshot is identical).
    /// </summary>
    /// <param name="options">The options the journaled pool was created with.</param>
    /// <param name="journal">Events in order, from sequence 1.</param>
    /// <param name="timeProvider">Clock for events applied after the replay.</param>
    /// <exception cref="LedgerIntegrityException">An event is out of order or gives a different result.</exception>
    public static BufferPool Replay(BufferPoolOptions options, IEnumerable<BufferPoolEvent> journal, TimeProvider? timeProvider = null)
    {
        Guard.NotNull(journal);
        var pool = new BufferPool(options, timeProvider);
        foreach (var e in journal)
        {
            pool.ReplayOne(e);
        }

        return pool;
    }

    internal void ReplayOne(BufferPoolEvent e)
    {
        Guard.NotNull(e);
        _log.ExpectSequence(e.Sequence, $"Pool '{Name}'");

        LedgerReceipt r;
        try
        {
            r = e.Kind switch
            {
                BufferPoolEventKind.Deposit => Deposit(e.Id, e.Depositor, e.Amount, e),
                BufferPoolEventKind.Withdrawal => Withdraw(e.Id, e.Depositor, e.Amount, e),
                BufferPoolEventKind.Claim => Claim(e.Id, e.Depositor, e.Asset, e),
                BufferPoolEventKind.Reward => DistributeReward(e.Id, e.Asset, e.Amount, e),
                BufferPoolEventKind.Offset => ReplayOffset(e),
                _ => throw new LedgerIntegrityException(string.Create(CultureInfo.InvariantCulture, $"Pool '{Name}': unknown event kind {e.Kind}.")),
            };
        }
        catch (ArgumentException ex)
        {
            throw new LedgerIntegrityException(string.Create(CultureInfo.InvariantCulture, $"Pool '{Name}': journal event {e.Sequence} is malformed."), ex);
        }

        var last = _log.Journal.Count > 0 ? _log.Journal[^1] : null;
        if (!r.IsApplied || r.Sequence != e.Sequence || last is null || last.Amount != e.Amount || last.Emptied != e.Emptied)
        {
            throw new LedgerIntegrityException(string.Create(CultureInfo.InvariantCulture, $"Pool '{Name}': journal event {e.Sequence} ({e.Kind}) does not reproduce (outcome {r.Outcome}, {r.Rejection})."));
        }
    }

    private LedgerReceipt ReplayOffset(BufferPoolEvent e)
    {
        OperationId.RequireSet(e.Id, nameof(e.Id));
        var units = _debt.ToPositiveUnits(e.Amount, nameof(e.Amount));
        ReadGains(e.Collateral is null ? [] : [.. e.Collateral], nameof(e.Collateral));
        return Offset(e.Id, units, _scratch, e);
    }

    /// <summary>Writes journal events as JSON (for the host to persist; <see cref="ReadJournal"/> reads them back).</summary>
    public static string WriteJournal(IEnumerable<BufferPoolEvent> events)
    {
        Guard.NotNull(events);
        return System.Text.Json.JsonSerializer.Serialize([.. events], LedgerJsonContext.Default.ListBufferPoolEvent);
    }

    /// <summary>Reads journal events written by <see cref="WriteJournal"/>.</summary>
    /// <exception cref="LedgerIntegrityException">The JSON is not a journal.</exception>
    public static IReadOnlyList<BufferPoolEvent> ReadJournal(string json) =>
        LedgerSnapshotParts.ReadJson(json, LedgerJsonContext.Default.ListBufferPoolEvent, "Buffer pool journal");

    /// <summary>Serialises the whole pool (options, product-sum state, depositors, totals, applied ids) as versioned JSON.</summary>
    public string SaveSnapshot() => BufferPoolSnapshot.Write(this);

    /// <summary>Loads a pool from <see cref="SaveSnapshot"/>'s JSON; it answers exactly as the original would. The journal starts empty at the snapshot's next sequence number.</summary>
    /// <exception cref="LedgerIntegrityException">The JSON is not a valid snapshot of a supported version.</exception>
    public static BufferPool Restore(string json, TimeProvider? timeProvider = null) => BufferPoolSnapshot.Read(json, timeProvider);

    // ---- snapshot plumbing

    internal BufferPoolOptions OptionsCopy => _options.Clone();

    internal IdempotencyIndex Operations => _log.Operations;

    internal (Int128 Deposited, Int128 Withdrawn, Int128 Burned) Totals => (_deposited, _withdrawn, _burned);

    internal ReadOnlySpan<Int128> Received => _received;

    internal ReadOnlySpan<Int128> Claimed => _claimed;

    internal ReadOnlySpan<long> Held => _held;

    internal void LoadTotals(long nextSequence, List<LedgerSnapshotParts.OperationRecord>? operations, Int128 deposited, Int128 withdrawn, Int128 burned, ReadOnlySpan<Int128> received, ReadOnlySpan<Int128> claimed)
    {
        if (nextSequence < 1 || deposited < 0 || withdrawn < 0 || burned < 0 || received.Length != _assets.Length || claimed.Length != _assets.Length
            || deposited - withdrawn - burned != _core.Total)
        {
            throw new LedgerIntegrityException($"Snapshot of pool '{Name}': totals do not reconcile with the deposit balance.");
        }

        for (var k = 0; k < _assets.Length; k++)
        {
            var held = received[k] - claimed[k];
            if (claimed[k] < 0 || held < 0 || held > long.MaxValue)
            {
                throw new LedgerIntegrityException($"Snapshot of pool '{Name}': collateral totals do not reconcile.");
            }

            _received[k] = received[k];
            _claimed[k] = claimed[k];
            _held[k] = (long)held;
        }

        _log.Load(nextSequence, operations);
        _deposited = deposited;
        _withdrawn = withdrawn;
        _burned = burned;
    }
}
