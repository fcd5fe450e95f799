using System.Diagnostics;

namespace CascadeGuard.Primitives;

/// <summary>
/// A fixed-capacity FIFO over one array allocated at construction: adding to a full buffer evicts the oldest item,
/// so steady-state use allocates nothing. Index 0 is the oldest item, <c>Count - 1</c> the newest.
/// </summary>
/// <remarks>Not thread-safe; each owner guards its own.</remarks>
internal sealed class RingBuffer<T>
    where T : struct
{
    private readonly T[] _items;
    private int _head;
    private int _count;

    public RingBuffer(int capacity)
    {
        Guard.Positive(capacity);
        _items = new T[capacity];
    }

    public int Capacity => _items.Length;

    public int Count => _count;

    public bool IsFull => _count == _items.Length;

    /// <summary>The item at <paramref name="index"/>, 0 being the oldest.</summary>
    public ref readonly T this[int index]
    {
        get
        {
            Debug.Assert((uint)index < (uint)_count, "index within the buffer");
            return ref _items[Physical(index)];
        }
    }

    public ref readonly T Newest => ref this[_count - 1];

    public ref readonly T Oldest => ref this[0];

    /// <summary>Appends <paramref name="item"/>, evicting the oldest item when full.</summary>
    public void Add(in T item)
    {
        if (_count == _items.Length)
        {
            _items[_head] = item;
            _head = _head + 1 == _items.Length ? 0 : _head + 1;
            return;
        }

        _items[Physical(_count)] = item;
        _count++;
    }

    public void ReplaceNewest(in T item)
    {
        Debug.Assert(_count > 0, "a newest item exists");
        _items[Physical(_count - 1)] = item;
    }

    public void RemoveOldest()
    {
        Debug.Assert(_count > 0, "an oldest item exists");
        _items[_head] = default;
        _head = _head + 1 == _items.Length ? 0 : _head + 1;
        _count--;
    }

    public void RemoveNewest()
    {
        Debug.Assert(_count > 0, "a newest item exists");
        _items[Physical(_count - 1)] = default;
        _count--;
    }

    public void Clear()
    {
        Array.Clear(_items);
        _head = 0;
        _count = 0;
    }

    /// <summary>Copies the items, oldest first, into a new array (for snapshots, not hot paths).</summary>
    public T[] ToArray()
    {
        var result = new T[_count];
        for (var i = 0; i < _count; i++)
        {
            result[i] = _items[Physical(i)];
        }

        return result;
    }

    private int Physical(int index)
    {
        var i = _head + index;
        return i >= _items.Length ? i - _items.Length : i;
    }
}
