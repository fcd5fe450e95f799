namespace CascadeGuard.Primitives;

/// <summary>
/// Identifies a market by a dense, non-negative integer so that per-market state can live in arrays
/// indexed by <see cref="Value"/>. Hosts map their own identifiers to these once, at the boundary.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct MarketId : IComparable<MarketId>
{
    /// <summary>Creates an identifier.</summary>
    /// <param name="value">The dense index; must be zero or positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public MarketId(int value)
    {
        Guard.NonNegative(value);
        Value = value;
    }

    /// <summary>The dense index, zero or positive.</summary>
    public int Value { get; }

    /// <inheritdoc />
    public int CompareTo(MarketId other) => Value.CompareTo(other.Value);

    /// <summary>Orders by index.</summary>
    public static bool operator <(MarketId left, MarketId right) => left.Value < right.Value;

    /// <summary>Orders by index.</summary>
    public static bool operator >(MarketId left, MarketId right) => left.Value > right.Value;

    /// <summary>Orders by index.</summary>
    public static bool operator <=(MarketId left, MarketId right) => left.Value <= right.Value;

    /// <summary>Orders by index.</summary>
    public static bool operator >=(MarketId left, MarketId right) => left.Value >= right.Value;

    /// <summary>Formats as <c>market#index</c>.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"market#{Value}");
}
