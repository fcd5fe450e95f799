using System.Diagnostics;
using CascadeGuard.Primitives;

namespace CascadeGuard.Oracle;

/// <summary>One admitted price: from <see cref="Ticks"/> on, the price is <see cref="Price"/>; <see cref="Ema"/> is the EMA value at <see cref="Ticks"/>.</summary>
internal readonly record struct OracleObservation(long Ticks, double Price, double Ema);

/// <summary>
/// The admitted prices of one asset as a step function of time, in a fixed ring, with the smoothing evaluated at any
/// instant the ring still covers. Times are UTC ticks and strictly increasing.
/// </summary>
/// <remarks>
/// Resolution: a price admitted less than <c>horizon / (capacity − 2)</c> (rounded up) after the newest entry
/// replaces that entry's price instead of adding one. Entries are then at least that far apart, so
/// <c>capacity − 1</c> gaps always span more than the horizon and the oldest entry the evaluation needs is never
/// evicted, however fast quotes arrive.
/// </remarks>
internal sealed class OracleSeries
{
    private readonly RingBuffer<OracleObservation> _ring;
    private readonly OracleSmoothing _smoothing;
    private readonly long _twapTicks;
    private readonly double _emaRatePerTick;
    private readonly long _resolutionTicks;

    public OracleSeries(OracleGuardOptions options)
    {
        _ring = new RingBuffer<OracleObservation>(options.Capacity);
        _smoothing = options.Smoothing;
        _twapTicks = options.TwapWindow.Ticks;
        _emaRatePerTick = Math.Log(2) / options.EmaHalfLife.Ticks;
        var gaps = options.Capacity - 2;
        _resolutionTicks = (options.HistoryHorizon.Ticks + gaps - 1) / gaps;
    }

    public int Count => _ring.Count;

    public ref readonly OracleObservation Newest => ref _ring.Newest;

    public ref readonly OracleObservation this[int index] => ref _ring[index];

    /// <summary>Admits <paramref name="price"/> from <paramref name="ticks"/> on (clamped to be no earlier than the newest entry).</summary>
    public void Admit(long ticks, double price)
    {
        if (_ring.Count == 0)
        {
            _ring.Add(new OracleObservation(ticks, price, price));
            return;
        }

        var newest = _ring.Newest;
        if (ticks - newest.Ticks < Math.Max(_resolutionTicks, 1))
        {
            // Within the resolution (or not later, as quotes from different sources may interleave): the newer
            // price takes over the newest entry; its time and EMA value stay, as they depend only on earlier prices.
            _ring.ReplaceNewest(newest with { Price = price });
            return;
        }

        var ema = Decay(newest, ticks);
        _ring.Add(new OracleObservation(ticks, price, ema));
    }

    /// <summary>Restores one entry from a snapshot, as saved.</summary>
    public void Load(in OracleObservation observation) => _ring.Add(observation);

    public OracleObservation[] ToArray() => _ring.ToArray();

    /// <summary>The smoothed price at <paramref name="ticks"/>; false when no admitted price is that old.</summary>
    public bool TryEvaluate(long ticks, out double price)
    {
        var j = LastAtOrBefore(ticks);
        if (j < 0)
        {
            price = 0;
            return false;
        }

        ref readonly var at = ref _ring[j];
        price = _smoothing switch
        {
            OracleSmoothing.Twap => Twap(j, ticks),
            OracleSmoothing.Ema => Decay(at, ticks),
            _ => at.Price,
        };
        return true;
    }

    /// <summary>EMA of the step function at <paramref name="ticks"/> ≥ the observation's time: it relaxes toward the observation's price.</summary>
    private double Decay(in OracleObservation from, long ticks)
    {
        var weightOld = Math.Exp(-_emaRatePerTick * (ticks - from.Ticks));
        return from.Price + ((from.Ema - from.Price) * weightOld);
    }

    /// <summary>
    /// Time-weighted average of the step function over [ticks − window, ticks], truncated to the oldest retained
    /// entry when the history is shorter; the price itself when the span is empty.
    /// </summary>
    private double Twap(int last, long ticks)
    {
        var windowStart = ticks - _twapTicks;
        var area = 0.0;
        var segmentEnd = ticks;
        var start = _ring[0].Ticks;
        for (var i = last; i >= 0; i--)
        {
            ref readonly var o = ref _ring[i];
            var segmentStart = Math.Max(o.Ticks, windowStart);
            area += o.Price * (segmentEnd - segmentStart);
            if (o.Ticks <= windowStart)
            {
                start = windowStart;
                break;
            }

            segmentEnd = o.Ticks;
        }

        var length = ticks - start;
        return length == 0 ? _ring[last].Price : area / length;
    }

    /// <summary>Index of the newest entry at or before <paramref name="ticks"/>, or −1.</summary>
    private int LastAtOrBefore(long ticks)
    {
        var count = _ring.Count;
        if (count == 0 || _ring[0].Ticks > ticks)
        {
            return -1;
        }

        if (_ring[count - 1].Ticks <= ticks)
        {
            return count - 1;
        }

        // Invariant: entry lo is at or before ticks, entry hi is after.
        int lo = 0, hi = count - 1;
        while (hi - lo > 1)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (_ring[mid].Ticks <= ticks)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        Debug.Assert(_ring[lo].Ticks <= ticks && _ring[lo + 1].Ticks > ticks, "binary search bracket");
        return lo;
    }
}
