using CascadeGuard.Primitives;

namespace CascadeGuard.Breaker;

/// <summary>One retained price of the rolling high: from <see cref="Ticks"/> on, the window contains <see cref="Price"/>.</summary>
internal readonly record struct PricePoint(long Ticks, double Price);

/// <summary>
/// The highest price over a trailing time window, by a monotonic deque (prices strictly decreasing from oldest to
/// newest) in a fixed ring: amortised O(1) per price, no allocation.
/// </summary>
/// <remarks>
/// A price arriving less than <c>window / (capacity − 2)</c> (rounded up) after the newest retained one, and below
/// it, is not retained: the retained one dominates it for all but that resolution at the window's trailing edge.
/// Retained entries are then at least the resolution apart, so the ring never overflows.
/// </remarks>
internal sealed class RollingHigh
{
    private readonly RingBuffer<PricePoint> _deque;
    private readonly long _windowTicks;
    private readonly long _resolutionTicks;

    public RollingHigh(TimeSpan window, int capacity)
    {
        _deque = new RingBuffer<PricePoint>(capacity);
        _windowTicks = window.Ticks;
        _resolutionTicks = (window.Ticks + capacity - 3) / (capacity - 2);
    }

    public int Count => _deque.Count;

    /// <summary>Adds <paramref name="price"/> at <paramref name="ticks"/> and returns the highest price in the window ending there.</summary>
    public double Add(long ticks, double price)
    {
        if (_deque.Count > 0)
        {
            // A clock that stepped back is treated as standing still.
            ticks = Math.Max(ticks, _deque.Newest.Ticks);
        }

        while (_deque.Count > 0 && _deque.Oldest.Ticks < ticks - _windowTicks)
        {
            _deque.RemoveOldest();
        }

        while (_deque.Count > 0 && _deque.Newest.Price <= price)
        {
            _deque.RemoveNewest();
        }

        if (_deque.Count == 0 || ticks - _deque.Newest.Ticks >= _resolutionTicks)
        {
            if (_deque.IsFull)
            {
                _deque.RemoveOldest();
            }

            _deque.Add(new PricePoint(ticks, price));
        }

        return Math.Max(_deque.Oldest.Price, price);
    }

    /// <summary>Restores one entry from a snapshot, as saved.</summary>
    public void Load(in PricePoint point) => _deque.Add(point);

    public PricePoint[] ToArray() => _deque.ToArray();
}
