namespace CascadeGuard.Throttling;

/// <summary>Identifies a reservation made by a throttle. Ids are issued in increasing order from 1 and never reused.</summary>
/// <param name="Value">The id; 0 is the empty id of a refused reservation.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct LeaseId(long Value)
{
    /// <summary>Formats as <c>lease#value</c>.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"lease#{Value}");
}
