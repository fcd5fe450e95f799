using CascadeGuard.Primitives;
using CascadeGuard.Venues;

namespace CascadeGuard.Throttling;

/// <summary>
/// The throttle for hosts that want none: every reservation is granted in full. Leases still follow the same rules as
/// <see cref="VolumeThrottle"/> (ids, unknown and closed leases refused, fills no larger than the lease), so an engine behaves
/// the same with either; depth, volume and conditions are checked and ignored.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class UnlimitedVolumeThrottle : IVolumeThrottle, ITickAtomicThrottle
{
    private const string Kind = "unlimited";
    private const int MaxOpenLeases = 1_000_000;

    private readonly Lock _gate = new();
    private readonly LeaseBook _leases;

    /// <summary>Creates an unlimited throttle.</summary>
    /// <param name="market">The market it stands for.</param>
    public UnlimitedVolumeThrottle(MarketId market)
        : this(market, new LeaseBook(MaxOpenLeases))
    {
    }

    private UnlimitedVolumeThrottle(MarketId market, LeaseBook leases)
    {
        Market = market;
        _leases = leases;
    }

    /// <inheritdoc />
    public MarketId Market { get; }

    /// <summary>Always <see cref="double.PositiveInfinity"/>.</summary>
    public double Available => double.PositiveInfinity;

    /// <summary>Restores a throttle saved by <see cref="SaveSnapshot"/>.</summary>
    /// <param name="json">The snapshot.</param>
    /// <returns>A throttle with the same open leases and counters.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentException">The snapshot is malformed, of another version or kind; the message names the field.</exception>
    public static UnlimitedVolumeThrottle Restore(string json)
    {
        var snapshot = ThrottleSnapshot.Read(json, Kind);
        return new UnlimitedVolumeThrottle(new MarketId(snapshot.Market), LeaseBook.Restore(snapshot.Leases, MaxOpenLeases));
    }

    /// <inheritdoc />
    public ThrottleLease TryReserve(double quantity, double minimumQuantity)
    {
        VolumeThrottle.CheckReservation(quantity, minimumQuantity);
        lock (_gate)
        {
            if (_leases.IsFull)
            {
                _leases.Deny();
                return new ThrottleLease(default, 0, ThrottleReason.TooManyLeases, null, double.PositiveInfinity);
            }

            return new ThrottleLease(_leases.Open(quantity), quantity, ThrottleReason.None, null, double.PositiveInfinity);
        }
    }

    /// <inheritdoc />
    bool ITickAtomicThrottle.IsTickAtomic => true;

    /// <inheritdoc />
    void ITickAtomicThrottle.RecordRefusals(double minimumQuantity, int count)
    {
        lock (_gate)
        {
            _leases.Deny(count);
        }
    }

    /// <inheritdoc />
    public LeaseUpdate Commit(LeaseId lease, double quantity, double price)
    {
        VolumeThrottle.CheckFill(quantity, price);
        lock (_gate)
        {
            return _leases.Commit(lease, quantity);
        }
    }

    /// <inheritdoc />
    public LeaseUpdate Release(LeaseId lease)
    {
        lock (_gate)
        {
            return _leases.Release(lease);
        }
    }

    /// <inheritdoc />
    public bool UpdateDepth(double depthQuantity, double referencePrice, DateTimeOffset observedAt)
    {
        VolumeThrottle.CheckDepth(depthQuantity, referencePrice);
        return true;
    }

    /// <inheritdoc />
    public bool UpdateDepth(IVenue venue, DateTimeOffset observedAt)
    {
        Guard.NotNull(venue);
        return true;
    }

    /// <inheritdoc />
    public void RecordMarketVolume(double quantity) => Guard.FiniteNonNegative(quantity);

    /// <inheritdoc />
    public void UpdateConditions(ThrottleConditions conditions) => VolumeThrottle.CheckConditions(conditions);

    /// <inheritdoc />
    public ThrottleStatistics GetStatistics()
    {
        lock (_gate)
        {
            return _leases.Statistics(double.PositiveInfinity, 1.0, ThrottleReason.None);
        }
    }

    /// <inheritdoc />
    public string SaveSnapshot()
    {
        lock (_gate)
        {
            return ThrottleSnapshot.Write(new ThrottleSnapshot
            {
                Version = ThrottleSnapshot.CurrentVersion,
                Kind = Kind,
                Market = Market.Value,
                Leases = _leases.Save(),
            });
        }
    }
}
