namespace CascadeGuard.Primitives;

/// <summary>
/// Identifies an asset by a dense, non-negative integer so that per-asset state can live in arrays
/// indexed by <see cref="Value"/>. Hosts map their own identifiers to these once, at the boundary.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct AssetId : IComparable<AssetId>
{
    /// <summary>Creates an identifier.</summary>
    /// <param name="value">The dense index; must be zero or positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public AssetId(int value)
    {
        Guard.NonNegative(value);
        Value = value;
    }

    /// <summary>The dense index, zero or positive.</summary>
    public int Value { get; }

    /// <inheritdoc />
    public int CompareTo(AssetId other) => Value.CompareTo(other.Value);

    /// <summary>Orders by index.</summary>
    public static bool operator <(AssetId left, AssetId right) => left.Value < right.Value;

    /// <summary>Orders by index.</summary>
    public static bool operator >(AssetId left, AssetId right) => left.Value > right.Value;

    /// <summary>Orders by index.</summary>
    public static bool operator <=(AssetId left, AssetId right) => left.Value <= right.Value;

    /// <summary>Orders by index.</summary>
    public static bool operator >=(AssetId left, AssetId right) => left.Value >= right.Value;

    /// <summary>Formats as <c>asset#index</c>.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"asset#{Value}");
}
