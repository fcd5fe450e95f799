namespace CascadeGuard.Primitives;

/// <summary>
/// A list whose backing array callers may view as <see cref="ReadOnlyMemory{T}"/> without copying: outputs a component
/// reuses from one call to the next (valid until the next <see cref="Clear"/>). Grows by doubling; never shrinks.
/// </summary>
internal sealed class GrowableBuffer<T>
{
    private T[] _items = new T[16];

    public int Count { get; private set; }

    public void Add(in T item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, 2 * _items.Length);
        }

        _items[Count++] = item;
    }

    public void Clear() => Count = 0;

    public ReadOnlyMemory<T> AsMemory() => _items.AsMemory(0, Count);

    public ReadOnlySpan<T> AsSpan() => _items.AsSpan(0, Count);
}
