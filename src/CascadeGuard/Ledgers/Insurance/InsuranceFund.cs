using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers.Insurance;

/// <summary>
/// An exchange or protocol insurance fund: paid into by penalty shares, fees and contributions up to a cap; paid out
/// to cover liquidation shortfalls down to a floor. Every unit is exact (whole quanta, 64-bit integer arithmetic).
/// </summary>
/// <remarks>
/// <para>
/// Inflows above the cap are not taken: the receipt's <see cref="LedgerReceipt.Remainder"/> says how much the host
/// must route elsewhere. A cover pays what is available above the floor and reports the uncovered remainder; it is the
/// loss waterfall's third step. A governance withdrawal that would pass the floor is refused.
/// </para>
/// <para>
/// Idempotent by <see cref="OperationId"/>; refusals and malformed arguments leave the fund exactly as before; every
/// change is journaled (<see cref="Journal"/>, <see cref="Replay"/>) and the fund snapshots as versioned JSON.
/// An operation that moves nothing (a cover with nothing available, an inflow at the cap) is answered but not
/// journaled, and its id stays free. Not thread-safe.
/// </para>
/// </remarks>
public sealed class InsuranceFund
{
    private readonly InsuranceFundOptions _options;
    private readonly TimeProvider _time;
    private readonly MoneyUnits _units;
    private readonly long _floor;
    private readonly long _cap;
    private readonly LedgerLog<InsuranceFundEvent> _log = new();
    private readonly Int128[] _inflows = new Int128[4];
    private long _balance;
    private Int128 _covered;
    private Int128 _withdrawn;

    /// <summary>Creates an empty fund.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public InsuranceFund(InsuranceFundOptions options, TimeProvider? timeProvider = null)
    {
        Guard.NotNull(options);
        options.Validate();
        _options = options.Clone();
        _time = timeProvider ?? TimeProvider.System;
        _units = new MoneyUnits(_options.Quantum, nameof(options.Quantum));
        _floor = _units.ToUnits(_options.Floor, nameof(options.Floor));
        _cap = _options.Cap == decimal.MaxValue ? long.MaxValue : _units.ToUnits(_options.Cap, nameof(options.Cap));
    }

    /// <summary>The asset held.</summary>
    public AssetId Asset => _options.Asset;

    /// <summary>Smallest unit.</summary>
    public decimal Quantum => _units.Quantum;

    /// <summary>The reserve never paid out.</summary>
    public decimal Floor => _units.ToMoney(_floor);

    /// <summary>The most the fund holds.</summary>
    public decimal Cap => _units.ToMoney(_cap);

    /// <summary>What the fund holds.</summary>
    public decimal Balance => _units.ToMoney(_balance);

    /// <summary>What a cover can pay now: the balance above the floor.</summary>
    public decimal Available => _units.ToMoney(AvailableUnits);

    /// <summary>How much more the fund would accept before its cap.</summary>
    public decimal Headroom => _units.ToMoney(HeadroomUnits);

    /// <summary>Everything paid in (all sources).</summary>
    public decimal TotalInflows => _units.ToMoney(_inflows[1] + _inflows[2] + _inflows[3]);

    /// <summary>Everything paid out to cover shortfalls.</summary>
    public decimal TotalCovered => _units.ToMoney(_covered);

    /// <summary>Everything withdrawn by governance. Inflows = covered + withdrawn + <see cref="Balance"/>, exactly.</summary>
    public decimal TotalWithdrawn => _units.ToMoney(_withdrawn);

    /// <summary>The journal of applied operations.</summary>
    public IReadOnlyList<InsuranceFundEvent> Journal => _log.Journal;

    /// <summary>The sequence number the next journaled operation will get.</summary>
    public long NextSequence => _log.NextSequence;

    internal long AvailableUnits => Math.Max(0, _balance - _floor);

    internal long HeadroomUnits => Math.Max(0, _cap - _balance);

    internal MoneyUnits Units => _units;

    internal IdempotencyIndex Operations => _log.Operations;

    /// <summary>Total paid in from one source.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="source"/> is not defined.</exception>
    public decimal GetInflows(InsuranceInflow source) => _units.ToMoney(_inflows[SourceIndex(source)]);

    /// <summary>Pays money in, up to the cap.</summary>
    /// <param name="id">Idempotency key.</param>
    /// <param name="amount">Positive, whole number of <see cref="Quantum"/>.</param>
    /// <param name="source">Where it comes from.</param>
    /// <returns>Applied: <see cref="LedgerReceipt.Amount"/> accepted, <see cref="LedgerReceipt.Remainder"/> refused above the cap.</returns>
    /// <exception cref="ArgumentException">An argument is malformed.</exception>
    public LedgerReceipt Contribute(OperationId id, decimal amount, InsuranceInflow source) => Contribute(id, amount, source, null);

    /// <summary>Covers a shortfall from the balance above the floor.</summary>
    /// <param name="id">Idempotency key.</param>
    /// <param name="shortfall">Positive, whole number of <see cref="Quantum"/>.</param>
    /// <returns>Applied: <see cref="LedgerReceipt.Amount"/> covered, <see cref="LedgerReceipt.Remainder"/> left uncovered.</returns>
    /// <exception cref="ArgumentException">An argument is malformed.</exception>
    public LedgerReceipt Cover(OperationId id, decimal shortfall) => Cover(id, shortfall, null);

    /// <summary>Takes money out (governance); refused if it would pass the floor.</summary>
    /// <returns>Applied; duplicate; or rejected with <see cref="LedgerRejection.InsufficientBalance"/> or <see cref="LedgerRejection.BelowFloor"/>.</returns>
    /// <exception cref="ArgumentException">An argument is malformed.</exception>
    public LedgerReceipt Withdraw(OperationId id, decimal amount) => Withdraw(id, amount, null);

    private LedgerReceipt Contribute(OperationId id, decimal amount, InsuranceInflow source, InsuranceFundEvent? replay)
    {
        OperationId.RequireSet(id, nameof(id));
        var s = SourceIndex(source);
        var units = _units.ToPositiveUnits(amount, nameof(amount));
        var fp = Fingerprint(InsuranceFundEventKind.Inflow, s, units);
        if (_log.Operations.TryRepeat(id, fp, _units, out var repeat))
        {
            return repeat;
        }

        var accepted = Math.Min(units, HeadroomUnits);
        if (accepted == 0)
        {
            return new LedgerReceipt(LedgerOutcome.Applied, LedgerRejection.None, 0, 0m, amount);
        }

        _balance += accepted;
        _inflows[s] += accepted;
        return Record(id, fp, InsuranceFundEventKind.Inflow, source, units, accepted, replay);
    }

    private LedgerReceipt Cover(OperationId id, decimal shortfall, InsuranceFundEvent? replay)
    {
        OperationId.RequireSet(id, nameof(id));
        var units = _units.ToPositiveUnits(shortfall, nameof(shortfall));
        var fp = Fingerprint(InsuranceFundEventKind.Cover, 0, units);
        if (_log.Operations.TryRepeat(id, fp, _units, out var repeat))
        {
            return repeat;
        }

        var covered = Math.Min(units, AvailableUnits);
        if (covered == 0)
        {
            return new LedgerReceipt(LedgerOutcome.Applied, LedgerRejection.None, 0, 0m, shortfall);
        }

        _balance -= covered;
        _covered += covered;
        return Record(id, fp, InsuranceFundEventKind.Cover, default, units, covered, replay);
    }

    private LedgerReceipt Withdraw(OperationId id, decimal amount, InsuranceFundEvent? replay)
    {
        OperationId.RequireSet(id, nameof(id));
        var units = _units.ToPositiveUnits(amount, nameof(amount));
        var fp = Fingerprint(InsuranceFundEventKind.Withdrawal, 0, units);
        if (_log.Operations.TryRepeat(id, fp, _units, out var repeat))
        {
            return repeat;
        }

        if (units > _balance)
        {
            return LedgerReceipt.Reject(LedgerRejection.InsufficientBalance);
        }

        if (_balance - units < _floor)
        {
            return LedgerReceipt.Reject(LedgerRejection.BelowFloor);
        }

        _balance -= units;
        _withdrawn += units;
        return Record(id, fp, InsuranceFundEventKind.Withdrawal, default, units, units, replay);
    }

    private LedgerReceipt Record(OperationId id, ulong fp, InsuranceFundEventKind kind, InsuranceInflow source, long requested, long moved, InsuranceFundEvent? replay)
    {
        var e = new InsuranceFundEvent
        {
            Sequence = _log.NextSequence,
            Id = id,
            At = replay?.At ?? _time.GetUtcNow(),
            Kind = kind,
            Source = source,
            Requested = _units.ToMoney(requested),
            Amount = _units.ToMoney(moved),
        };
        var sequence = _log.Append(id, fp, moved, requested - moved, e);
        return new LedgerReceipt(LedgerOutcome.Applied, LedgerRejection.None, sequence, e.Amount, _units.ToMoney(requested - moved));
    }

    private static ulong Fingerprint(InsuranceFundEventKind kind, int source, long units)
    {
        var f = OperationFingerprint.Of(200 + (int)kind);
        f.Add(source);
        f.Add(units);
        return f.Value;
    }

    private static int SourceIndex(InsuranceInflow source)
    {
        if (source is not (InsuranceInflow.PenaltyShare or InsuranceInflow.Fee or InsuranceInflow.Contribution))
        {
            Guard.Throw(nameof(source), source, "must be PenaltyShare, Fee or Contribution");
        }

        return (int)source;
    }

    /// <summary>Writes journal events as JSON.</summary>
    public static string WriteJournal(IEnumerable<InsuranceFundEvent> events)
    {
        Guard.NotNull(events);
        return System.Text.Json.JsonSerializer.Serialize([.. events], LedgerJsonContext.Default.ListInsuranceFundEvent);
    }

    /// <summary>Reads journal events written by <see cref="WriteJournal"/>.</summary>
    /// <exception cref="LedgerIntegrityException">The JSON is not a journal.</exception>
    public static IReadOnlyList<InsuranceFundEvent> ReadJournal(string json) =>
        LedgerSnapshotParts.ReadJson(json, LedgerJsonContext.Default.ListInsuranceFundEvent, "Insurance fund journal");

    /// <summary>Rebuilds a fund by re-executing its journal from empty; each event must reproduce its recorded result.</summary>
    /// <exception cref="LedgerIntegrityException">An event is out of order or gives a different result.</exception>
    public static InsuranceFund Replay(InsuranceFundOptions options, IEnumerable<InsuranceFundEvent> journal, TimeProvider? timeProvider = null)
    {
        Guard.NotNull(journal);
        var fund = new InsuranceFund(options, timeProvider);
        foreach (var e in journal)
        {
            Guard.NotNull(e, nameof(journal));
            fund._log.ExpectSequence(e.Sequence, "Insurance fund");
            LedgerReceipt r;
            try
            {
                r = e.Kind switch
                {
                    InsuranceFundEventKind.Inflow => fund.Contribute(e.Id, e.Requested, e.Source, e),
                    InsuranceFundEventKind.Cover => fund.Cover(e.Id, e.Requested, e),
                    InsuranceFundEventKind.Withdrawal => fund.Withdraw(e.Id, e.Requested, e),
                    _ => LedgerReceipt.Reject(LedgerRejection.None),
                };
            }
            catch (ArgumentException ex)
            {
                throw new LedgerIntegrityException(string.Create(CultureInfo.InvariantCulture, $"Insurance fund: journal event {e.Sequence} is malformed."), ex);
            }

            if (!r.IsApplied || r.Sequence != e.Sequence || r.Amount != e.Amount)
            {
                throw new LedgerIntegrityException(string.Create(CultureInfo.InvariantCulture, $"Insurance fund: journal event {e.Sequence} ({e.Kind}) does not reproduce."));
            }
        }

        return fund;
    }

    /// <summary>Serialises the fund (options, balance, totals, applied ids) as versioned JSON.</summary>
    public string SaveSnapshot() => InsuranceFundSnapshot.Write(this);

    /// <summary>Loads a fund from <see cref="SaveSnapshot"/>'s JSON.</summary>
    /// <exception cref="LedgerIntegrityException">The JSON is not a valid snapshot of a supported version.</exception>
    public static InsuranceFund Restore(string json, TimeProvider? timeProvider = null) => InsuranceFundSnapshot.Read(json, timeProvider);

    internal InsuranceFundOptions OptionsCopy => _options.Clone();

    internal (long Balance, Int128 Covered, Int128 Withdrawn, Int128[] Inflows) State => (_balance, _covered, _withdrawn, (Int128[])_inflows.Clone());

    internal void LoadState(long nextSequence, List<LedgerSnapshotParts.OperationRecord>? operations, long balance, Int128 covered, Int128 withdrawn, ReadOnlySpan<Int128> inflows)
    {
        if (balance < 0 || balance > _cap || covered < 0 || withdrawn < 0 || inflows.Length != _inflows.Length
            || inflows[0] != 0 || inflows[1] < 0 || inflows[2] < 0 || inflows[3] < 0
            || inflows[1] + inflows[2] + inflows[3] != covered + withdrawn + balance)
        {
            throw new LedgerIntegrityException("Insurance fund snapshot: totals do not reconcile with the balance.");
        }

        _log.Load(nextSequence, operations);
        _balance = balance;
        _covered = covered;
        _withdrawn = withdrawn;
        inflows.CopyTo(_inflows);
    }
}
