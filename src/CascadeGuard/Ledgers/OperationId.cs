using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers;

/// <summary>
/// The idempotency key every ledger operation carries. Repeating an id has no effect: the ledger answers
/// <see cref="LedgerOutcome.Duplicate"/> with the original result. Reusing an id for a different operation is refused
/// with <see cref="LedgerRejection.IdReused"/>. Zero is reserved for "not set" and refused.
/// </summary>
/// <remarks>Immutable and thread-safe. Hosts map their own keys (a fill id, a request hash) to 64 bits once.</remarks>
public readonly record struct OperationId
{
    /// <summary>Creates an id.</summary>
    /// <param name="value">Any value except zero.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is zero.</exception>
    public OperationId(long value)
    {
        if (value == 0)
        {
            Guard.Throw(nameof(value), value, "must not be zero (zero means 'not set')");
        }

        Value = value;
    }

    /// <summary>The key; never zero for an id built with the constructor.</summary>
    public long Value { get; }

    /// <summary>False for <c>default(OperationId)</c>, which every ledger refuses.</summary>
    public bool IsSet => Value != 0;

    /// <summary>Formats as <c>op#value</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"op#{Value}");

    /// <summary>
    /// The id of the <paramref name="step"/>-th sub-operation a coordinator (waterfall, pool set) performs on another
    /// ledger for this operation: a SplitMix64 mix of both, deterministic across runs and processes.
    /// </summary>
    internal OperationId Derive(int step)
    {
        var z = unchecked((ulong)Value + (0x9E3779B97F4A7C15UL * (ulong)(uint)(step + 1)));
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        var value = unchecked((long)z);
        return new OperationId(value == 0 ? 1 : value);
    }

    internal static void RequireSet(OperationId id, string? name)
    {
        if (!id.IsSet)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"'{name}' must be set; was default(OperationId)."), name);
        }
    }
}
