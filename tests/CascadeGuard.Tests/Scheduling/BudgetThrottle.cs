using CascadeGuard.Primitives;
using CascadeGuard.Throttling;
using CascadeGuard.Venues;

namespace CascadeGuard.Tests.Scheduling;

/// <summary>
/// A hand-written throttle for scheduler tests: a budget the test sets, reserved by leases and returned by releases. It
/// records every grant so tests can check the scheduler never released more than it was granted.
/// </summary>
internal sealed class BudgetThrottle(MarketId market, double budget) : IVolumeThrottle
{
    private readonly Dictionary<long, double> _open = [];
    private long _next = 1;

    public MarketId Market { get; } = market;

    public double Budget { get; set; } = budget;

    /// <summary>When set, grants at most this much per reservation (to test how the scheduler handles a partial grant).</summary>
    public double? GrantCap { get; set; }

    public double Available => Budget;

    public List<(LeaseId Id, double Quantity)> Grants { get; } = [];

    public double Committed { get; private set; }

    public ThrottleLease TryReserve(double quantity, double minimumQuantity)
    {
        var grant = Math.Min(quantity, Math.Min(Budget, GrantCap ?? double.PositiveInfinity));
        if (grant < minimumQuantity)
        {
            return default;
        }

        var id = new LeaseId(_next++);
        Budget -= grant;
        _open[id.Value] = grant;
        Grants.Add((id, grant));
        return CreateLease(id, grant);
    }

    public LeaseUpdate Commit(LeaseId lease, double quantity, double price)
    {
        if (!_open.TryGetValue(lease.Value, out var open))
        {
            return new LeaseUpdate(LeaseUpdateStatus.LeaseClosed, 0, 0);
        }

        if (quantity > open * (1 + 1e-12))
        {
            return new LeaseUpdate(LeaseUpdateStatus.ExceedsLease, open, 0);
        }

        Committed += quantity;
        var left = open - quantity;
        if (left <= 1e-12 * open)
        {
            _open.Remove(lease.Value);
            left = 0;
        }
        else
        {
            _open[lease.Value] = left;
        }

        return new LeaseUpdate(LeaseUpdateStatus.Applied, left, 0);
    }

    public LeaseUpdate Release(LeaseId lease)
    {
        if (!_open.Remove(lease.Value, out var open))
        {
            return new LeaseUpdate(LeaseUpdateStatus.LeaseClosed, 0, 0);
        }

        Budget += open;
        return new LeaseUpdate(LeaseUpdateStatus.Applied, 0, open);
    }

    public bool UpdateDepth(double depthQuantity, double referencePrice, DateTimeOffset observedAt) => true;

    public bool UpdateDepth(IVenue venue, DateTimeOffset observedAt) => true;

    public void RecordMarketVolume(double quantity)
    {
    }

    public void UpdateConditions(ThrottleConditions conditions)
    {
    }

    public ThrottleStatistics GetStatistics() => default;

    public string SaveSnapshot() => throw new NotSupportedException();

    // ThrottleLease's constructor is internal to the library; the tests see it through InternalsVisibleTo.
    private static ThrottleLease CreateLease(LeaseId id, double quantity) => new(id, quantity, ThrottleReason.None, null, quantity);
}
