using System.Diagnostics;
using CascadeGuard.Primitives;

namespace CascadeGuard.Throttling;

/// <summary>
/// The open reservations of one throttle and their totals: in flight, granted, committed, released. Shared by every throttle
/// kind so that lease rules (ids, unknown and closed leases, over-fills) are the same whether or not a budget applies.
/// Invariant: <c>Granted = Committed + Released + InFlight</c> up to rounding, and InFlight is exactly zero with no lease open.
/// </summary>
internal sealed class LeaseBook
{
    private readonly Dictionary<long, double> _open;
    private readonly int _maxOpen;

    public LeaseBook(int maxOpen)
    {
        _maxOpen = maxOpen;
        _open = new Dictionary<long, double>(Math.Min(maxOpen, 1024));
    }

    public long NextId { get; private set; } = 1;

    public double InFlight { get; private set; }

    public int OpenCount => _open.Count;

    public bool IsFull => _open.Count >= _maxOpen;

    public double Granted { get; private set; }

    public double Committed { get; private set; }

    public double Released { get; private set; }

    public long GrantedCount { get; private set; }

    public long DeniedCount { get; private set; }

    public LeaseId Open(double quantity)
    {
        Debug.Assert(!IsFull && quantity > 0, "the caller checks capacity and quantity");
        var id = NextId++;
        _open.Add(id, quantity);
        InFlight += quantity;
        Granted += quantity;
        GrantedCount++;
        return new LeaseId(id);
    }

    public void Deny() => DeniedCount++;

    public void Deny(int count) => DeniedCount += count;

    /// <summary>The statistics record: this book's counters with the budget figures the throttle supplies.</summary>
    public ThrottleStatistics Statistics(double available, double multiplier, ThrottleReason limit) =>
        new(available, InFlight, OpenCount, Granted, Committed, Released, GrantedCount, DeniedCount, multiplier, limit);

    /// <summary>Fills part of a lease; the lease closes when nothing remains. Unchanged unless <see cref="LeaseUpdateStatus.Applied"/>.</summary>
    public LeaseUpdate Commit(LeaseId lease, double quantity)
    {
        if (!_open.TryGetValue(lease.Value, out var remaining))
        {
            return Missing(lease);
        }

        if (quantity > remaining)
        {
            return new LeaseUpdate(LeaseUpdateStatus.ExceedsLease, remaining, 0);
        }

        remaining -= quantity;
        Committed += quantity;
        if (remaining == 0)
        {
            _open.Remove(lease.Value);
        }
        else
        {
            _open[lease.Value] = remaining;
        }

        Reduce(quantity);
        return new LeaseUpdate(LeaseUpdateStatus.Applied, remaining, 0);
    }

    /// <summary>Returns what remains of a lease to the budget and closes it.</summary>
    public LeaseUpdate Release(LeaseId lease)
    {
        if (!_open.Remove(lease.Value, out var remaining))
        {
            return Missing(lease);
        }

        Released += remaining;
        Reduce(remaining);
        return new LeaseUpdate(LeaseUpdateStatus.Applied, 0, remaining);
    }

    public LeaseBookState Save()
    {
        var open = new long[_open.Count];
        _open.Keys.CopyTo(open, 0);
        Array.Sort(open);
        var leases = new OpenLeaseState[open.Length];
        for (var i = 0; i < open.Length; i++)
        {
            leases[i] = new OpenLeaseState { Id = open[i], Remaining = _open[open[i]] };
        }

        return new LeaseBookState
        {
            NextId = NextId,
            InFlight = InFlight,
            Granted = Granted,
            Committed = Committed,
            Released = Released,
            GrantedCount = GrantedCount,
            DeniedCount = DeniedCount,
            Open = leases,
        };
    }

    /// <summary>Rebuilds a book from a snapshot, checking every field first.</summary>
    public static LeaseBook Restore(LeaseBookState? state, int maxOpen)
    {
        state = SnapshotJson.Present(state, "leases");
        SnapshotJson.Check(state.NextId >= 1, "leases.nextId", state.NextId);
        var open = SnapshotJson.Present(state.Open, "leases.open");
        SnapshotJson.Check(open.Length <= maxOpen, "leases.open", open.Length);
        SnapshotJson.CheckFiniteNonNegative(state.InFlight, "leases.inFlight");
        SnapshotJson.CheckFiniteNonNegative(state.Granted, "leases.granted");
        SnapshotJson.CheckFiniteNonNegative(state.Committed, "leases.committed");
        SnapshotJson.CheckFiniteNonNegative(state.Released, "leases.released");
        SnapshotJson.Check(state.GrantedCount >= 0, "leases.grantedCount", state.GrantedCount);
        SnapshotJson.Check(state.DeniedCount >= 0, "leases.deniedCount", state.DeniedCount);
        var book = new LeaseBook(maxOpen);
        foreach (var entry in open)
        {
            var lease = SnapshotJson.Present(entry, "leases.open");
            SnapshotJson.Check(lease.Id >= 1 && lease.Id < state.NextId, "leases.open.id", lease.Id);
            SnapshotJson.Check(double.IsFinite(lease.Remaining) && lease.Remaining > 0, "leases.open.remaining", lease.Remaining);
            SnapshotJson.Check(book._open.TryAdd(lease.Id, lease.Remaining), "leases.open.id", lease.Id);
        }

        SnapshotJson.Check(book._open.Count > 0 || state.InFlight == 0, "leases.inFlight", state.InFlight);
        book.NextId = state.NextId;
        book.InFlight = state.InFlight;
        book.Granted = state.Granted;
        book.Committed = state.Committed;
        book.Released = state.Released;
        book.GrantedCount = state.GrantedCount;
        book.DeniedCount = state.DeniedCount;
        return book;
    }

    private LeaseUpdate Missing(LeaseId lease) =>
        new(lease.Value >= 1 && lease.Value < NextId ? LeaseUpdateStatus.LeaseClosed : LeaseUpdateStatus.UnknownLease, 0, 0);

    private void Reduce(double quantity)
    {
        // The running total drifts by rounding; with nothing open it is exactly zero by definition.
        InFlight = _open.Count == 0 ? 0.0 : Math.Max(0.0, InFlight - quantity);
    }
}
