using CascadeGuard.Primitives;
using CascadeGuard.Throttling;
using CascadeGuard.Venues;

namespace CascadeGuard.Engine;

/// <summary>
/// A market's throttle as the scheduler sees it: the real throttle's budget times a factor the engine sets each tick from
/// the circuit breaker (throttled: its budget factor; halted: zero) and the adaptive throttle participation. Leases, fills
/// and releases pass through unchanged, so the real throttle's accounting stays whole.
/// </summary>
internal sealed class ScaledThrottle(IVolumeThrottle inner) : IVolumeThrottle, ITickAtomicThrottle
{
    public IVolumeThrottle Inner { get; } = inner;

    public double Factor { get; set; } = 1.0;

    public MarketId Market => Inner.Market;

    public double Available => Factor * Inner.Available;

    public ThrottleLease TryReserve(double quantity, double minimumQuantity)
    {
        if (Factor >= 1.0)
        {
            return Inner.TryReserve(quantity, minimumQuantity);
        }

        var allowed = Factor * Inner.Available;
        if (allowed < minimumQuantity)
        {
            return default;
        }

        return Inner.TryReserve(Math.Min(quantity, allowed), minimumQuantity);
    }

    bool ITickAtomicThrottle.IsTickAtomic => Inner is ITickAtomicThrottle { IsTickAtomic: true };

    /// <summary>
    /// A refusal reaches the real throttle (and its count) only when this wrapper passes the request on: at full factor, or
    /// when the scaled budget covers the minimum (the real throttle then refuses for its lease limit).
    /// </summary>
    void ITickAtomicThrottle.RecordRefusals(double minimumQuantity, int count)
    {
        if (count > 0 && Inner is ITickAtomicThrottle atomic && (Factor >= 1.0 || Factor * Inner.Available >= minimumQuantity))
        {
            atomic.RecordRefusals(minimumQuantity, count);
        }
    }

    public LeaseUpdate Commit(LeaseId lease, double quantity, double price) => Inner.Commit(lease, quantity, price);

    public LeaseUpdate Release(LeaseId lease) => Inner.Release(lease);

    public bool UpdateDepth(double depthQuantity, double referencePrice, DateTimeOffset observedAt) => Inner.UpdateDepth(depthQuantity, referencePrice, observedAt);

    public bool UpdateDepth(IVenue venue, DateTimeOffset observedAt) => Inner.UpdateDepth(venue, observedAt);

    public void RecordMarketVolume(double quantity) => Inner.RecordMarketVolume(quantity);

    public void UpdateConditions(ThrottleConditions conditions) => Inner.UpdateConditions(conditions);

    public ThrottleStatistics GetStatistics() => Inner.GetStatistics();

    public string SaveSnapshot() => Inner.SaveSnapshot();
}
