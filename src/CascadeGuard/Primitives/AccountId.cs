namespace CascadeGuard.Primitives;

/// <summary>
/// Identifies an account by a dense, non-negative integer so that per-account state can live in arrays
/// indexed by <see cref="Value"/>. Hosts map their own identifiers to these once, at the boundary.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct AccountId : IComparable<AccountId>
{
    /// <summary>Creates an identifier.</summary>
    /// <param name="value">The dense index; must be zero or positive.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is negative.</exception>
    public AccountId(int value)
    {
        Guard.NonNegative(value);
        Value = value;
    }

    /// <summary>The dense index, zero or positive.</summary>
    public int Value { get; }

    /// <inheritdoc />
    public int CompareTo(AccountId other) => Value.CompareTo(other.Value);

    /// <summary>Orders by index.</summary>
    public static bool operator <(AccountId left, AccountId right) => left.Value < right.Value;

    /// <summary>Orders by index.</summary>
    public static bool operator >(AccountId left, AccountId right) => left.Value > right.Value;

    /// <summary>Orders by index.</summary>
    public static bool operator <=(AccountId left, AccountId right) => left.Value <= right.Value;

    /// <summary>Orders by index.</summary>
    public static bool operator >=(AccountId left, AccountId right) => left.Value >= right.Value;

    /// <summary>Formats as <c>account#index</c>.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"account#{Value}");
}
