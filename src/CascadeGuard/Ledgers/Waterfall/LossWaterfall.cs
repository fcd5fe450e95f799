using System.Globalization;
using CascadeGuard.Ledgers.BufferPools;
using CascadeGuard.Ledgers.Insurance;
using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers.Waterfall;

/// <summary>
/// The loss waterfall: a liquidation shortfall is absorbed, in order, by the account's own remaining collateral, its
/// liquidation penalty (waived), the insurance fund (down to its floor), the buffer pools (deposits burned pro rata),
/// and finally socialization across lenders or auto-deleveraging of the most profitable, most leveraged opposite
/// positions. Each step reports what it covered; the steps add up to the shortfall exactly. It also splits liquidation
/// penalties between the insurance fund, the buffer pools' depositors and the platform.
/// </summary>
/// <remarks>
/// <para>
/// The waterfall coordinates an <see cref="InsuranceFund"/> and a <see cref="BufferPoolSet"/>; each keeps its own
/// journal, where the waterfall's parts appear under ids derived from the waterfall operation's id. An operation is
/// planned first from pure queries, then applied (pools first, because only they can refuse), so it is applied
/// everywhere or nowhere. Idempotent by <see cref="OperationId"/>: a repeat answers with the original result.
/// </para>
/// <para>
/// All amounts are in the insurance fund's asset and whole numbers of its quantum; pools that hold that asset must use
/// the same quantum. Not thread-safe; the fund and pools must not be changed concurrently with it.
/// </para>
/// </remarks>
public sealed class LossWaterfall
{
    private const int StepCount = 7;
    private const int ShortfallKind = 301;
    private const int PenaltyKind = 302;

    private readonly LossWaterfallOptions _options;
    private readonly InsuranceFund _fund;
    private readonly BufferPoolSet _pools;
    private readonly TimeProvider _time;
    private readonly MoneyUnits _units;
    private readonly LedgerLog<LossWaterfallEvent> _log = new();
    private readonly Dictionary<long, LossWaterfallEvent> _records = [];
    private readonly Int128[] _stepTotals = new Int128[StepCount];
    private readonly Int128[] _penaltyTotals = new Int128[3];
    private readonly Dictionary<MarketId, Int128> _socialized = [];
    private readonly int[] _route;

    /// <summary>Creates a waterfall over a fund and a set of pools.</summary>
    /// <param name="options">Validated, then copied.</param>
    /// <param name="fund">The insurance fund; its asset is the waterfall's asset.</param>
    /// <param name="pools">The buffer pools.</param>
    /// <param name="timeProvider">Clock for journal timestamps; <see cref="TimeProvider.System"/> when null.</param>
    /// <exception cref="ArgumentException">An option is out of range, or a pool uses another quantum for the fund's asset.</exception>
    public LossWaterfall(LossWaterfallOptions options, InsuranceFund fund, BufferPoolSet pools, TimeProvider? timeProvider = null)
    {
        Guard.NotNull(options);
        Guard.NotNull(fund);
        Guard.NotNull(pools);
        options.Validate();
        _options = options.Clone();
        _fund = fund;
        _pools = pools;
        _time = timeProvider ?? TimeProvider.System;
        _units = fund.Units;
        _route = new int[pools.Pools.Count];
        foreach (var p in pools.Pools)
        {
            var mismatch = p.DebtAsset == fund.Asset && p.DebtQuantum != fund.Quantum;
            foreach (var a in p.GainAssets)
            {
                mismatch |= a.Asset == fund.Asset && a.Quantum != fund.Quantum;
            }

            if (mismatch)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Pool '{p.Name}' uses another quantum for {fund.Asset} than the insurance fund ({fund.Quantum})."), nameof(pools));
            }
        }
    }

    /// <summary>The insurance fund (step 3).</summary>
    public InsuranceFund Fund => _fund;

    /// <summary>The buffer pools (step 4).</summary>
    public BufferPoolSet Pools => _pools;

    /// <summary>The last step.</summary>
    public FinalLossPolicy FinalPolicy => _options.FinalPolicy;

    /// <summary>The journal of waterfall operations.</summary>
    public IReadOnlyList<LossWaterfallEvent> Journal => _log.Journal;

    /// <summary>The sequence number the next operation will get.</summary>
    public long NextSequence => _log.NextSequence;

    /// <summary>All shortfalls run down the waterfall.</summary>
    public decimal TotalShortfall
    {
        get
        {
            Int128 sum = 0;
            foreach (var s in _stepTotals)
            {
                sum += s;
            }

            return _units.ToMoney(sum);
        }
    }

    /// <summary>Penalties paid into the insurance fund.</summary>
    public decimal TotalPenaltyToInsuranceFund => _units.ToMoney(_penaltyTotals[0]);

    /// <summary>Penalties shared among buffer-pool depositors.</summary>
    public decimal TotalPenaltyToBufferPools => _units.ToMoney(_penaltyTotals[1]);

    /// <summary>Penalties retained by the platform.</summary>
    public decimal TotalPenaltyRetained => _units.ToMoney(_penaltyTotals[2]);

    /// <summary>What one step has absorbed over all shortfalls.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> is not defined.</exception>
    public decimal GetTotal(WaterfallStep step)
    {
        Guard.InRange((int)step, 0, StepCount - 1, nameof(step));
        return _units.ToMoney(_stepTotals[(int)step]);
    }

    /// <summary>The loss socialized across the lenders of one market so far (for the host's haircut of their balances).</summary>
    public decimal GetSocializedLoss(MarketId market) => _units.ToMoney(_socialized.GetValueOrDefault(market));

    /// <summary>Runs a shortfall down the waterfall without auto-deleveraging candidates.</summary>
    public WaterfallResult Absorb(in ShortfallRequest request) => Absorb(request, [], []);

    /// <summary>Runs a shortfall down the waterfall.</summary>
    /// <param name="request">The shortfall (amounts whole numbers of the fund's quantum).</param>
    /// <param name="candidates">Opposite positions for auto-deleveraging (used when <see cref="FinalPolicy"/> includes it).</param>
    /// <param name="allocations">Caller-owned, at least as long as <paramref name="candidates"/>: receives the allocations in ranking order.</param>
    /// <returns>What each step covered; applied, duplicate (allocations rewritten from the original), or rejected.</returns>
    /// <exception cref="ArgumentException">An amount is not a whole number of the quantum, <paramref name="allocations"/> is too short, or a candidate is out of range.</exception>
    public WaterfallResult Absorb(in ShortfallRequest request, ReadOnlySpan<AdlCandidate> candidates, Span<AdlAllocation> allocations)
    {
        OperationId.RequireSet(request.Id, nameof(request));
        var shortfall = _units.ToPositiveUnits(request.Shortfall, "request.Shortfall");
        var collateral = _units.ToUnits(request.AccountCollateral, "request.AccountCollateral");
        var penalty = _units.ToUnits(request.Penalty, "request.Penalty");
        var adl = _options.FinalPolicy != FinalLossPolicy.Socialize;
        if (adl)
        {
            Guard.DestinationLength(allocations, candidates.Length);
        }

        var fp = OperationFingerprint.Of(ShortfallKind);
        fp.Add(request.Account.Value);
        fp.Add(request.Market.Value);
        fp.Add(shortfall);
        fp.Add(collateral);
        fp.Add(penalty);
        if (_log.Operations.TryRepeat(request.Id, fp.Value, _units, out var repeat))
        {
            return Repeat(request.Id, repeat, allocations);
        }

        // Plan from pure queries.
        Span<long> steps = stackalloc long[StepCount];
        var rest = shortfall;
        rest -= steps[(int)WaterfallStep.AccountCollateral] = Math.Min(rest, collateral);
        rest -= steps[(int)WaterfallStep.Penalty] = Math.Min(rest, penalty);
        rest -= steps[(int)WaterfallStep.InsuranceFund] = Math.Min(rest, _fund.AvailableUnits);
        rest -= steps[(int)WaterfallStep.BufferPools] = rest == 0 ? 0 : _units.FloorUnits(_pools.GetAbsorbable(request.Market, _fund.Asset, _units.ToMoney(rest)));
        var written = 0;
        if (adl && rest > 0)
        {
            var ranked = AutoDeleveraging.Rank(candidates, allocations);
            for (var i = 0; i < ranked && rest > 0; i++)
            {
                var take = Math.Min(rest, _units.FloorUnits(allocations[i].Amount));
                if (take > 0)
                {
                    allocations[written++] = allocations[i] with { Amount = _units.ToMoney(take) };
                    rest -= take;
                    steps[(int)WaterfallStep.AutoDeleveraging] += take;
                }
            }
        }

        if (_options.FinalPolicy != FinalLossPolicy.AutoDeleverage)
        {
            steps[(int)WaterfallStep.Socialization] = rest;
            rest = 0;
        }

        steps[(int)WaterfallStep.Unabsorbed] = rest;

        // Apply: pools first (the only step that can refuse), then the fund (checked above to succeed).
        var fundId = request.Id.Derive(1);
        var poolId = request.Id.Derive(2);
        if ((steps[2] > 0 && _fund.Operations.TryGet(fundId, out _)) || (steps[3] > 0 && _pools.Operations.TryGet(poolId, out _)))
        {
            return new WaterfallResult(LedgerOutcome.Rejected, LedgerRejection.IdReused, 0, 0m, [], 0);
        }

        if (steps[3] > 0)
        {
            var absorbed = _pools.Absorb(new AbsorptionRequest(poolId, request.Market, request.Account, _fund.Asset, _units.ToMoney(steps[3]), []), []);
            if (absorbed.Outcome == LedgerOutcome.Rejected)
            {
                return new WaterfallResult(LedgerOutcome.Rejected, absorbed.Rejection, 0, 0m, [], 0);
            }

            Expect(absorbed.DebtAbsorbed == _units.ToMoney(steps[3]), "the buffer pools absorbed other than planned");
        }

        if (steps[2] > 0)
        {
            var covered = _fund.Cover(fundId, _units.ToMoney(steps[2]));
            Expect(covered.IsApplied && covered.Amount == _units.ToMoney(steps[2]), "the insurance fund covered other than planned");
        }

        var money = ToMoney(steps);
        var e = new LossWaterfallEvent
        {
            Sequence = _log.NextSequence,
            Id = request.Id,
            At = _time.GetUtcNow(),
            Kind = LossWaterfallEventKind.Shortfall,
            Account = request.Account,
            Market = request.Market,
            Amount = request.Shortfall,
            AccountCollateral = request.AccountCollateral,
            Penalty = request.Penalty,
            Steps = money,
            Allocations = allocations[..written].ToArray(),
        };
        Apply(e, fp.Value, journal: true);
        return new WaterfallResult(LedgerOutcome.Applied, LedgerRejection.None, e.Sequence, request.Shortfall, money, written);
    }

    /// <summary>
    /// Splits a liquidation penalty: <see cref="LossWaterfallOptions.PenaltyInsuranceShare"/> into the insurance fund
    /// (up to its cap), <see cref="LossWaterfallOptions.PenaltyPoolShare"/> to the depositors of the first pool routed for
    /// the market that has deposits and lists the fund's asset, the rest retained. Shares round down; the rounding and
    /// anything the fund or pools cannot take are retained.
    /// </summary>
    /// <exception cref="ArgumentException">The id is not set or the penalty is not positive and whole.</exception>
    public PenaltySplit DistributePenalty(OperationId id, AccountId account, MarketId market, decimal penalty)
    {
        OperationId.RequireSet(id, nameof(id));
        var units = _units.ToPositiveUnits(penalty, nameof(penalty));
        var fp = OperationFingerprint.Of(PenaltyKind);
        fp.Add(account.Value);
        fp.Add(market.Value);
        fp.Add(units);
        if (_log.Operations.TryRepeat(id, fp.Value, _units, out var repeat))
        {
            if (repeat.Outcome != LedgerOutcome.Duplicate)
            {
                return new PenaltySplit(repeat.Outcome, repeat.Rejection, 0, 0m, 0m, 0m, 0m);
            }

            var original = _records[id.Value];
            return new PenaltySplit(LedgerOutcome.Duplicate, LedgerRejection.None, original.Sequence, original.Amount, original.Steps[0], original.Steps[1], original.Steps[2]);
        }

        var toFund = Math.Min(ExactDecimal.MultiplyFloor(units, _options.PenaltyInsuranceShare), _fund.HeadroomUnits);
        var toPools = ExactDecimal.MultiplyFloor(units, _options.PenaltyPoolShare);
        var pool = RewardPool(market);
        if (pool < 0)
        {
            toPools = 0;
        }

        var fundId = id.Derive(4);
        var poolId = id.Derive(3);
        if ((toFund > 0 && _fund.Operations.TryGet(fundId, out _)) || (toPools > 0 && _pools.Pools[pool].Operations.TryGet(poolId, out _)))
        {
            return new PenaltySplit(LedgerOutcome.Rejected, LedgerRejection.IdReused, 0, 0m, 0m, 0m, 0m);
        }

        if (toPools > 0)
        {
            var r = _pools.Pools[pool].DistributeReward(poolId, _fund.Asset, _units.ToMoney(toPools));
            if (r.Outcome == LedgerOutcome.Rejected)
            {
                return new PenaltySplit(LedgerOutcome.Rejected, r.Rejection, 0, 0m, 0m, 0m, 0m);
            }
        }

        if (toFund > 0)
        {
            var r = _fund.Contribute(fundId, _units.ToMoney(toFund), InsuranceInflow.PenaltyShare);
            Expect(r.IsApplied && r.Remainder == 0m, "the insurance fund took other than planned");
        }

        decimal[] split = [_units.ToMoney(toFund), _units.ToMoney(toPools), _units.ToMoney(units - toFund - toPools)];
        var e = new LossWaterfallEvent
        {
            Sequence = _log.NextSequence,
            Id = id,
            At = _time.GetUtcNow(),
            Kind = LossWaterfallEventKind.Penalty,
            Account = account,
            Market = market,
            Amount = penalty,
            Steps = split,
            RewardPool = toPools > 0 ? pool : -1,
        };
        Apply(e, fp.Value, journal: true);
        return new PenaltySplit(LedgerOutcome.Applied, LedgerRejection.None, e.Sequence, penalty, split[0], split[1], split[2]);
    }

    private int RewardPool(MarketId market)
    {
        var n = _pools.Route(market, _fund.Asset, _route);
        for (var i = 0; i < n; i++)
        {
            var p = _pools.Pools[_route[i]];
            if (p.Core.Total > 0 && p.TryAssetIndex(_fund.Asset, out _))
            {
                return _route[i];
            }
        }

        return -1;
    }

    private WaterfallResult Repeat(OperationId id, LedgerReceipt repeat, Span<AdlAllocation> allocations)
    {
        if (repeat.Outcome != LedgerOutcome.Duplicate)
        {
            return new WaterfallResult(repeat.Outcome, repeat.Rejection, 0, 0m, [], 0);
        }

        var original = _records[id.Value];
        var count = Math.Min(original.Allocations.Count, allocations.Length);
        for (var i = 0; i < count; i++)
        {
            allocations[i] = original.Allocations[i];
        }

        return new WaterfallResult(LedgerOutcome.Duplicate, LedgerRejection.None, original.Sequence, original.Amount, [.. original.Steps], count);
    }

    private decimal[] ToMoney(ReadOnlySpan<long> units)
    {
        var money = new decimal[units.Length];
        for (var i = 0; i < units.Length; i++)
        {
            money[i] = _units.ToMoney(units[i]);
        }

        return money;
    }

    private static void Expect(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("Loss waterfall invariant broken: " + what + ".");
        }
    }

    /// <summary>
    /// Books an event: checks it adds up and that the fund and pools journaled the parts it names, then updates the
    /// totals and the idempotency index (and the journal, for live operations and replay).
    /// </summary>
    private void Apply(LossWaterfallEvent e, ulong fingerprint, bool journal)
    {
        var shortfall = e.Kind == LossWaterfallEventKind.Shortfall;
        var count = shortfall ? StepCount : 3;
        if (e.Steps is null || e.Steps.Count != count || e.Allocations is null)
        {
            throw new LedgerIntegrityException(string.Create(CultureInfo.InvariantCulture, $"Loss waterfall event {e.Sequence} is malformed."));
        }

        Span<long> units = stackalloc long[count];
        long sum = 0;
        for (var i = 0; i < count; i++)
        {
            units[i] = _units.ToUnits(e.Steps[i], nameof(e.Steps));
            sum = checked(sum + units[i]);
        }

        var amount = _units.ToUnits(e.Amount, nameof(e.Amount));
        var fundPart = shortfall ? units[(int)WaterfallStep.InsuranceFund] : units[0];
        var fundId = e.Id.Derive(shortfall ? 1 : 4);
        var poolsPart = shortfall ? units[(int)WaterfallStep.BufferPools] : units[1];
        var poolsIndex = shortfall ? _pools.Operations : (e.RewardPool >= 0 && e.RewardPool < _pools.Pools.Count ? _pools.Pools[e.RewardPool].Operations : null);
        var poolId = e.Id.Derive(shortfall ? 2 : 3);
        if (sum != amount
            || (fundPart > 0 && !(_fund.Operations.TryGet(fundId, out var f) && f.Applied == fundPart))
            || (poolsPart > 0 && !(poolsIndex is not null && poolsIndex.TryGet(poolId, out var p) && p.Applied == poolsPart)))
        {
            throw new LedgerIntegrityException(string.Create(CultureInfo.InvariantCulture, $"Loss waterfall event {e.Sequence} does not add up or names parts the fund or pools did not journal."));
        }

        if (journal)
        {
            _log.Append(e.Id, fingerprint, amount, 0, e);
        }
        else
        {
            _log.Operations.Add(e.Id, new IdempotencyIndex.Entry(e.Sequence, fingerprint, amount, 0));
        }

        _records.Add(e.Id.Value, e);
        if (shortfall)
        {
            for (var i = 0; i < count; i++)
            {
                _stepTotals[i] += units[i];
            }

            _socialized[e.Market] = _socialized.GetValueOrDefault(e.Market) + units[(int)WaterfallStep.Socialization];
        }
        else
        {
            for (var i = 0; i < count; i++)
            {
                _penaltyTotals[i] += units[i];
            }
        }
    }

    private ulong FingerprintOf(LossWaterfallEvent e)
    {
        var fp = OperationFingerprint.Of(e.Kind == LossWaterfallEventKind.Shortfall ? ShortfallKind : PenaltyKind);
        fp.Add(e.Account.Value);
        fp.Add(e.Market.Value);
        fp.Add(_units.ToUnits(e.Amount, nameof(e.Amount)));
        if (e.Kind == LossWaterfallEventKind.Shortfall)
        {
            fp.Add(_units.ToUnits(e.AccountCollateral, nameof(e.AccountCollateral)));
            fp.Add(_units.ToUnits(e.Penalty, nameof(e.Penalty)));
        }

        return fp.Value;
    }

    private void Book(LossWaterfallEvent e, bool journal)
    {
        Guard.NotNull(e);
        try
        {
            if (e.Kind is not (LossWaterfallEventKind.Shortfall or LossWaterfallEventKind.Penalty) || !e.Id.IsSet || _records.ContainsKey(e.Id.Value))
            {
                throw new LedgerIntegrityException(string.Create(CultureInfo.InvariantCulture, $"Loss waterfall event {e.Sequence} has an unknown kind or a missing or repeated id."));
            }

            Apply(e, FingerprintOf(e), journal);
        }
        catch (ArgumentException ex)
        {
            throw new LedgerIntegrityException(string.Create(CultureInfo.InvariantCulture, $"Loss waterfall event {e.Sequence} is malformed."), ex);
        }
    }

    /// <summary>Writes journal events as JSON.</summary>
    public static string WriteJournal(IEnumerable<LossWaterfallEvent> events)
    {
        Guard.NotNull(events);
        return System.Text.Json.JsonSerializer.Serialize([.. events], LedgerJsonContext.Default.ListLossWaterfallEvent);
    }

    /// <summary>Reads journal events written by <see cref="WriteJournal"/>.</summary>
    /// <exception cref="LedgerIntegrityException">The JSON is not a journal.</exception>
    public static IReadOnlyList<LossWaterfallEvent> ReadJournal(string json) =>
        LedgerSnapshotParts.ReadJson(json, LedgerJsonContext.Default.ListLossWaterfallEvent, "Loss waterfall journal");

    /// <summary>
    /// Rebuilds a waterfall from its journal, over a fund and pools already rebuilt from theirs (or restored). Events
    /// record outcomes, so replay books them rather than re-running the steps, and checks each against the fund's and
    /// pools' journals.
    /// </summary>
    /// <exception cref="LedgerIntegrityException">An event is out of order, does not add up, or names a part the fund or pools lack.</exception>
    public static LossWaterfall Replay(LossWaterfallOptions options, InsuranceFund fund, BufferPoolSet pools, IEnumerable<LossWaterfallEvent> journal, TimeProvider? timeProvider = null)
    {
        Guard.NotNull(journal);
        var waterfall = new LossWaterfall(options, fund, pools, timeProvider);
        foreach (var e in journal)
        {
            Guard.NotNull(e, nameof(journal));
            waterfall._log.ExpectSequence(e.Sequence, "Loss waterfall");
            waterfall.Book(e, journal: true);
        }

        return waterfall;
    }

    /// <summary>Serialises the waterfall's own state (options and the record of every operation) as versioned JSON.</summary>
    public string SaveSnapshot() => LossWaterfallSnapshot.Write(this);

    /// <summary>Loads a waterfall from <see cref="SaveSnapshot"/>'s JSON, over the fund and pools restored from the same moment.</summary>
    /// <exception cref="LedgerIntegrityException">The JSON is not a valid snapshot, or disagrees with the fund or pools.</exception>
    public static LossWaterfall Restore(string json, InsuranceFund fund, BufferPoolSet pools, TimeProvider? timeProvider = null) =>
        LossWaterfallSnapshot.Read(json, fund, pools, timeProvider);

    internal LossWaterfallOptions OptionsCopy => _options.Clone();

    internal IEnumerable<LossWaterfallEvent> Records => _records.Values.OrderBy(static e => e.Sequence);

    internal void LoadRecords(long nextSequence, IEnumerable<LossWaterfallEvent> records)
    {
        foreach (var e in records)
        {
            if (e is null || e.Sequence < 1 || e.Sequence >= nextSequence)
            {
                throw new LedgerIntegrityException("Loss waterfall snapshot has a record outside its sequence range.");
            }

            Book(e, journal: false);
        }

        _log.Load(nextSequence, null);
    }
}
