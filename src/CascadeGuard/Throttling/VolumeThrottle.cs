using CascadeGuard.Depth;
using CascadeGuard.Primitives;
using CascadeGuard.Venues;

namespace CascadeGuard.Throttling;

/// <summary>
/// The depth-aware sell budget of one market. What may be reserved at time t is
/// <code>
/// available = max(0, min(A, B, C) − in flight)
/// A = m · DepthParticipation · D − missing(t)            depth within the slippage bound, less depth still recovering
/// B = m · VolumeParticipation · V(t) − own fills(t)      share of trailing market volume, less own fills in the window
/// C = (MaxNotionalPerInterval − filled notional) ÷ p     the hard cap of the current interval, at the reference price
/// </code>
/// where D is the depth reported by <see cref="UpdateDepth(IVenue, DateTimeOffset)"/>, missing(t) the throttle's own fills
/// decaying with <see cref="VolumeThrottleOptions.RecoveryHalfLife"/> (<see cref="ResilienceModel"/>), and m ∈
/// [<see cref="VolumeThrottleOptions.MinimumMultiplier"/>, 1] the tightening from volatility and VPIN. The budget thus refills
/// as the book recovers, as own fills leave the volume window and as intervals roll, not on a fixed clock. Reserved quantity
/// counts against every term until it is filled or released. See docs/throttle.md.
/// </summary>
/// <remarks>
/// Time comes from the <see cref="TimeProvider"/>; if it steps backwards the throttle treats time as standing still at the
/// latest event it recorded. Thread-safe: every member takes one lock. Nothing allocates in steady state.
/// </remarks>
public sealed class VolumeThrottle : IVolumeThrottle, ITickAtomicThrottle
{
    private const string Kind = "depthAware";

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly VolumeThrottleOptions _options;
    private readonly SlippageBound _bound;
    private readonly ResilienceModel _recovery;
    private readonly DateTimeOffset _origin;
    private readonly TrailingVolume _volume;
    private LeaseBook _leases;
    private DateTimeOffset _clock;
    private bool _hasDepth;
    private double _depth;
    private double _referencePrice;
    private DateTimeOffset _depthAt;
    private double _deficit;
    private DateTimeOffset _deficitAt;
    private long _intervalNumber;
    private double _intervalNotional;
    private ThrottleConditions _conditions;

    /// <summary>Creates a throttle with an empty budget: nothing may be sold until depth is reported.</summary>
    /// <param name="market">The market it budgets.</param>
    /// <param name="options">Settings; validated and copied.</param>
    /// <param name="timeProvider">The clock; intervals and volume buckets are aligned to its time now.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range.</exception>
    public VolumeThrottle(MarketId market, VolumeThrottleOptions options, TimeProvider timeProvider)
        : this(market, Checked(options), timeProvider, CheckedTime(timeProvider).GetUtcNow())
    {
    }

    private VolumeThrottle(MarketId market, VolumeThrottleOptions options, TimeProvider timeProvider, DateTimeOffset origin)
    {
        Market = market;
        _options = options;
        _time = timeProvider;
        _origin = origin.ToUniversalTime();
        _clock = _origin;
        _deficitAt = _origin;
        _bound = new SlippageBound(options.MaxSlippageBps, options.SlippageMeasure, options.SlippageReference);
        _recovery = new ResilienceModel(options.RecoveryHalfLife);
        _volume = new TrailingVolume(_origin, options.VolumeWindow, options.VolumeWindowBuckets);
        _leases = new LeaseBook(options.MaxOpenLeases);
    }

    /// <inheritdoc />
    public MarketId Market { get; }

    /// <inheritdoc />
    public double Available
    {
        get
        {
            lock (_gate)
            {
                return Room(Terms(Now()));
            }
        }
    }

    /// <summary>Restores a throttle saved by <see cref="SaveSnapshot"/>; it answers every later call exactly as the original would.</summary>
    /// <param name="json">The snapshot.</param>
    /// <param name="timeProvider">The clock of the restored throttle.</param>
    /// <returns>The restored throttle.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The snapshot is malformed, of another version or kind, or holds an out-of-range value;
    /// the message names the field.</exception>
    public static VolumeThrottle Restore(string json, TimeProvider timeProvider)
    {
        Guard.NotNull(timeProvider);
        var s = ThrottleSnapshot.Read(json, Kind);
        var options = VolumeThrottleOptions.FromState(s.Options);
        var throttle = new VolumeThrottle(new MarketId(s.Market), options, timeProvider, SnapshotJson.ToUtc(s.Origin, "origin"));
        var clock = SnapshotJson.ToUtc(s.Clock, "clock");
        SnapshotJson.CheckFiniteNonNegative(s.Deficit, "deficit");
        var deficitAt = SnapshotJson.ToUtc(s.DeficitAt, "deficitAt");
        SnapshotJson.Check(deficitAt >= throttle._origin && deficitAt <= clock, "deficitAt", s.DeficitAt);
        SnapshotJson.Check(s.IntervalNumber >= 0, "intervalNumber", s.IntervalNumber);
        SnapshotJson.CheckFiniteNonNegative(s.IntervalNotional, "intervalNotional");
        SnapshotJson.Check(double.IsFinite(s.Volatility) && s.Volatility >= 0, "volatility", s.Volatility);
        SnapshotJson.Check(double.IsFinite(s.Vpin) && s.Vpin >= 0 && s.Vpin <= 1, "vpin", s.Vpin);
        if (s.Depth is not null)
        {
            SnapshotJson.Check(!double.IsNaN(s.Depth.Quantity) && s.Depth.Quantity >= 0, "depth.quantity", s.Depth.Quantity);
            SnapshotJson.Check(double.IsFinite(s.Depth.ReferencePrice) && s.Depth.ReferencePrice > 0, "depth.referencePrice", s.Depth.ReferencePrice);
            throttle._depthAt = SnapshotJson.ToUtc(s.Depth.ObservedAt, "depth.observedAt");
            throttle._hasDepth = true;
            throttle._depth = s.Depth.Quantity;
            throttle._referencePrice = s.Depth.ReferencePrice;
        }

        throttle._volume.Load(s.Volume);
        throttle._leases = LeaseBook.Restore(s.Leases, options.MaxOpenLeases);
        throttle._clock = clock;
        throttle._deficit = s.Deficit;
        throttle._deficitAt = deficitAt;
        throttle._intervalNumber = s.IntervalNumber;
        throttle._intervalNotional = s.IntervalNotional;
        throttle._conditions = new ThrottleConditions(s.Volatility, s.Vpin);
        return throttle;
    }

    /// <inheritdoc />
    public ThrottleLease TryReserve(double quantity, double minimumQuantity)
    {
        CheckReservation(quantity, minimumQuantity);
        lock (_gate)
        {
            var now = Now();
            var terms = Terms(now);
            var available = Room(terms);
            if (_leases.IsFull)
            {
                _leases.Deny();
                return new ThrottleLease(default, 0, ThrottleReason.TooManyLeases, null, available);
            }

            if (available >= minimumQuantity)
            {
                var granted = Math.Min(quantity, available);
                var reason = granted < quantity ? terms.Binding : ThrottleReason.None;
                return new ThrottleLease(_leases.Open(granted), granted, reason, null, available);
            }

            _leases.Deny();
            var retryAt = terms.Gate == ThrottleReason.None ? EarliestGrant(now, minimumQuantity) : null;
            return new ThrottleLease(default, 0, terms.Binding, retryAt, available);
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
        CheckFill(quantity, price);
        lock (_gate)
        {
            var result = _leases.Commit(lease, quantity);
            if (result.IsApplied)
            {
                var now = Now();
                _clock = now;
                _deficit = Missing(now) + quantity;
                _deficitAt = now;
                _volume.AddOwn(now, quantity);
                var interval = IntervalNumber(now);
                if (interval != _intervalNumber)
                {
                    _intervalNumber = interval;
                    _intervalNotional = 0;
                }

                _intervalNotional += quantity * price;
            }

            return result;
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
        CheckDepth(depthQuantity, referencePrice);
        lock (_gate)
        {
            if (_hasDepth && observedAt < _depthAt)
            {
                return false;
            }

            _hasDepth = true;
            _depth = depthQuantity;
            _referencePrice = referencePrice;
            _depthAt = observedAt;
            return true;
        }
    }

    /// <inheritdoc />
    public bool UpdateDepth(IVenue venue, DateTimeOffset observedAt)
    {
        Guard.NotNull(venue);
        return UpdateDepth(VenueDepth.MaxQuantityWithin(venue, TradeSide.Sell, _bound), venue.BestPrice(TradeSide.Sell), observedAt);
    }

    /// <inheritdoc />
    public void RecordMarketVolume(double quantity)
    {
        Guard.FiniteNonNegative(quantity);
        lock (_gate)
        {
            var now = Now();
            _clock = now;
            _volume.AddMarket(now, quantity);
        }
    }

    /// <inheritdoc />
    public void UpdateConditions(ThrottleConditions conditions)
    {
        CheckConditions(conditions);
        lock (_gate)
        {
            _conditions = conditions;
        }
    }

    /// <inheritdoc />
    public ThrottleStatistics GetStatistics()
    {
        lock (_gate)
        {
            var terms = Terms(Now());
            return _leases.Statistics(Room(terms), Multiplier(), terms.Binding);
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
                Origin = _origin.UtcTicks,
                Clock = _clock.UtcTicks,
                Options = _options.ToState(),
                Depth = _hasDepth ? new DepthState { Quantity = _depth, ReferencePrice = _referencePrice, ObservedAt = _depthAt.UtcTicks } : null,
                Deficit = _deficit,
                DeficitAt = _deficitAt.UtcTicks,
                Volume = _volume.Save(),
                IntervalNumber = _intervalNumber,
                IntervalNotional = _intervalNotional,
                Volatility = _conditions.RealizedVolatility,
                Vpin = _conditions.Vpin,
                Leases = _leases.Save(),
            });
        }
    }

    internal static void CheckReservation(double quantity, double minimumQuantity)
    {
        Guard.FinitePositive(quantity);
        Guard.FinitePositive(minimumQuantity);
        if (minimumQuantity > quantity)
        {
            Guard.Throw(nameof(minimumQuantity), minimumQuantity, $"must not exceed '{nameof(quantity)}' ({quantity})");
        }
    }

    internal static void CheckFill(double quantity, double price)
    {
        Guard.FinitePositive(quantity);
        Guard.FinitePositive(price);
    }

    internal static void CheckDepth(double depthQuantity, double referencePrice)
    {
        if (double.IsNaN(depthQuantity) || depthQuantity < 0)
        {
            Guard.Throw(nameof(depthQuantity), depthQuantity, "must be zero or positive (or positive infinity)");
        }

        Guard.FinitePositive(referencePrice);
    }

    internal static void CheckConditions(ThrottleConditions conditions)
    {
        Guard.FiniteNonNegative(conditions.RealizedVolatility, $"{nameof(conditions)}.{nameof(ThrottleConditions.RealizedVolatility)}");
        Guard.InRange(conditions.Vpin, 0.0, 1.0, $"{nameof(conditions)}.{nameof(ThrottleConditions.Vpin)}");
    }

    private static VolumeThrottleOptions Checked(VolumeThrottleOptions options)
    {
        Guard.NotNull(options);
        options.Validate();
        return options.Clone();
    }

    private static TimeProvider CheckedTime(TimeProvider timeProvider)
    {
        Guard.NotNull(timeProvider);
        return timeProvider;
    }

    private DateTimeOffset Now()
    {
        var now = _time.GetUtcNow();
        return now > _clock ? now : _clock;
    }

    private double Missing(DateTimeOffset time) => _recovery.Decay(_deficit, time - _deficitAt);

    private long IntervalNumber(DateTimeOffset time) => (time - _origin).Ticks / _options.NotionalInterval.Ticks;

    /// <summary>
    /// m = max(MinimumMultiplier, m_σ · m_VPIN): m_σ = min(1, σ_ref / σ); m_VPIN falls linearly from 1 at the threshold to
    /// the floor at the ceiling.
    /// </summary>
    private double Multiplier()
    {
        var o = _options;
        var (volatility, vpin) = _conditions;
        var byVolatility = volatility <= o.ReferenceVolatility ? 1.0 : o.ReferenceVolatility / volatility;
        var byVpin = vpin <= o.VpinThreshold
            ? 1.0
            : vpin >= o.VpinCeiling
                ? o.MinimumMultiplier
                : 1.0 - ((1.0 - o.MinimumMultiplier) * (vpin - o.VpinThreshold) / (o.VpinCeiling - o.VpinThreshold));
        return Math.Max(o.MinimumMultiplier, byVolatility * byVpin);
    }

    /// <summary>The three terms at <paramref name="time"/>, before in-flight quantity is taken off. Pure.</summary>
    private Terms Terms(DateTimeOffset time)
    {
        if (!_hasDepth)
        {
            return new Terms(ThrottleReason.NoDepth);
        }

        if (time - _depthAt > _options.MaxDepthAge)
        {
            return new Terms(ThrottleReason.StaleDepth);
        }

        var m = Multiplier();
        var depth = (m * _options.DepthParticipation * _depth) - Missing(time);
        var volume = double.PositiveInfinity;
        if (!double.IsPositiveInfinity(_options.VolumeParticipation))
        {
            var (market, own) = _volume.Sums(time);
            volume = (m * _options.VolumeParticipation * market) - own;
        }

        var notional = double.PositiveInfinity;
        if (!double.IsPositiveInfinity(_options.MaxNotionalPerInterval))
        {
            var used = IntervalNumber(time) == _intervalNumber ? _intervalNotional : 0.0;
            notional = (_options.MaxNotionalPerInterval - used) / _referencePrice;
        }

        return new Terms(depth, volume, notional);
    }

    private double Room(in Terms terms) =>
        terms.Gate != ThrottleReason.None ? 0.0 : Math.Max(0.0, Math.Min(terms.Depth, Math.Min(terms.Volume, terms.Notional)) - _leases.InFlight);

    /// <summary>
    /// The earliest time a request for <paramref name="need"/> would be granted if nothing else happened. Without events the
    /// depth term rises continuously (crossing at a closed-form time), the notional term resets at the next interval, and the
    /// volume term changes only when a bucket leaves the window; the earliest grant is therefore at one of those instants,
    /// before the depth report goes stale. Each candidate is checked with the same arithmetic as a reservation.
    /// </summary>
    private DateTimeOffset? EarliestGrant(DateTimeOffset now, double need)
    {
        var deadline = Later(_depthAt, _options.MaxDepthAge.Ticks);
        var ceiling = (Multiplier() * _options.DepthParticipation * _depth) - _leases.InFlight - need;
        if (!(ceiling > 0))
        {
            return null;
        }

        DateTimeOffset? best = null;
        if (Missing(now) > ceiling && _recovery.TryTimeUntil(_deficit, ceiling, out var wait))
        {
            // The closed form can land a tick early against the reservation's own rounding; step until it agrees.
            var at = Later(_deficitAt, wait.Ticks);
            for (var step = 0; step < 16 && at <= deadline; step++, at += TimeSpan.FromTicks(1))
            {
                if (Grants(at, need))
                {
                    best = at;
                    break;
                }
            }
        }

        if (!double.IsPositiveInfinity(_options.MaxNotionalPerInterval))
        {
            Consider(ref best, Boundary(_origin, IntervalNumber(now) + 1, _options.NotionalInterval.Ticks), deadline, need);
        }

        if (!double.IsPositiveInfinity(_options.VolumeParticipation))
        {
            for (var ahead = 1; ahead <= _options.VolumeWindowBuckets; ahead++)
            {
                Consider(ref best, _volume.BoundaryAfter(now, ahead), deadline, need);
            }
        }

        return best;
    }

    private void Consider(ref DateTimeOffset? best, DateTimeOffset at, DateTimeOffset deadline, double need)
    {
        if (at <= deadline && (best is null || at < best) && Grants(at, need))
        {
            best = at;
        }
    }

    private bool Grants(DateTimeOffset at, double need) => Room(Terms(at)) >= need;

    /// <summary><paramref name="time"/> plus <paramref name="ticks"/>, or the last representable time when that overflows.</summary>
    internal static DateTimeOffset Later(DateTimeOffset time, long ticks) =>
        ticks > DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks ? DateTimeOffset.MaxValue : time.AddTicks(ticks);

    /// <summary>The start of period <paramref name="number"/> of <paramref name="periodTicks"/> after <paramref name="origin"/>, clamped.</summary>
    internal static DateTimeOffset Boundary(DateTimeOffset origin, long number, long periodTicks) =>
        number > (DateTimeOffset.MaxValue.UtcTicks - origin.UtcTicks) / periodTicks ? DateTimeOffset.MaxValue : origin.AddTicks(number * periodTicks);
}

/// <summary>The budget's terms at one moment, or the gate (no or stale depth) that closes it.</summary>
internal readonly struct Terms
{
    public Terms(ThrottleReason gate)
    {
        Gate = gate;
        Binding = gate;
    }

    public Terms(double depth, double volume, double notional)
    {
        Depth = depth;
        Volume = volume;
        Notional = notional;
        Binding = depth <= volume && depth <= notional ? ThrottleReason.DepthLimit
            : volume <= notional ? ThrottleReason.VolumeLimit
            : ThrottleReason.NotionalCap;
    }

    public ThrottleReason Gate { get; }

    public ThrottleReason Binding { get; }

    public double Depth { get; }

    public double Volume { get; }

    public double Notional { get; }
}
