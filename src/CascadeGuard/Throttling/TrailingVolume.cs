using CascadeGuard.Primitives;

namespace CascadeGuard.Throttling;

/// <summary>
/// Market volume and the throttle's own fills in a trailing window of fixed buckets: a ring holding, per slot, the absolute
/// bucket number it currently counts, so that stale slots are recognised without a sweep. Fixed memory; reads are O(buckets)
/// and change nothing.
/// </summary>
internal sealed class TrailingVolume
{
    private readonly long[] _number;
    private readonly double[] _market;
    private readonly double[] _own;
    private readonly long _bucketTicks;
    private readonly DateTimeOffset _origin;

    public TrailingVolume(DateTimeOffset origin, TimeSpan window, int buckets)
    {
        _origin = origin;
        _bucketTicks = window.Ticks / buckets;
        _number = new long[buckets];
        _market = new double[buckets];
        _own = new double[buckets];
        Array.Fill(_number, -1);
    }

    private int Buckets => _number.Length;

    public void AddMarket(DateTimeOffset time, double quantity) => _market[Slot(time)] += quantity;

    public void AddOwn(DateTimeOffset time, double quantity) => _own[Slot(time)] += quantity;

    /// <summary>Market volume and own fills counted at <paramref name="time"/>.</summary>
    public (double Market, double Own) Sums(DateTimeOffset time)
    {
        var current = Number(time);
        double market = 0, own = 0;
        for (var i = 0; i < Buckets; i++)
        {
            var n = _number[i];
            if (n <= current && n > current - Buckets)
            {
                market += _market[i];
                own += _own[i];
            }
        }

        return (market, own);
    }

    /// <summary>The start of the bucket <paramref name="ahead"/> buckets after the one holding <paramref name="time"/>: when the window next changes.</summary>
    public DateTimeOffset BoundaryAfter(DateTimeOffset time, int ahead) =>
        VolumeThrottle.Boundary(_origin, Number(time) + ahead, _bucketTicks);

    public TrailingVolumeState Save() => new()
    {
        Number = (long[])_number.Clone(),
        Market = (double[])_market.Clone(),
        Own = (double[])_own.Clone(),
    };

    public void Load(TrailingVolumeState? state)
    {
        state = SnapshotJson.Present(state, "volume");
        var number = SnapshotJson.Present(state.Number, "volume.number");
        var market = SnapshotJson.Present(state.Market, "volume.market");
        var own = SnapshotJson.Present(state.Own, "volume.own");
        SnapshotJson.Check(number.Length == Buckets, "volume.number", number.Length);
        SnapshotJson.Check(market.Length == Buckets, "volume.market", market.Length);
        SnapshotJson.Check(own.Length == Buckets, "volume.own", own.Length);
        for (var i = 0; i < Buckets; i++)
        {
            SnapshotJson.Check(number[i] >= -1 && (number[i] == -1 || number[i] % Buckets == i), "volume.number", number[i]);
            SnapshotJson.CheckFiniteNonNegative(market[i], "volume.market");
            SnapshotJson.CheckFiniteNonNegative(own[i], "volume.own");
        }

        number.CopyTo(_number, 0);
        market.CopyTo(_market, 0);
        own.CopyTo(_own, 0);
    }

    private long Number(DateTimeOffset time) => (time - _origin).Ticks / _bucketTicks;

    private int Slot(DateTimeOffset time)
    {
        var number = Number(time);
        var slot = (int)(number % Buckets);
        if (_number[slot] != number)
        {
            _number[slot] = number;
            _market[slot] = 0;
            _own[slot] = 0;
        }

        return slot;
    }
}
