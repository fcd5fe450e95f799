namespace CascadeGuard.Throttling;

/// <summary>
/// A throttle whose refusal of a reservation holds for every later reservation with at least the same minimum at the same
/// instant, as long as nothing is granted, committed or released in between: its budget depends only on its state and the
/// clock, and a refusal changes nothing but a counter. The scheduler relies on it to stop asking once a market's budget is
/// below one minimum order, and records the refusals it did not ask for so that the statistics stay the same.
/// </summary>
internal interface ITickAtomicThrottle
{
    /// <summary>Whether the guarantee holds (a wrapper holds it only when what it wraps does).</summary>
    bool IsTickAtomic { get; }

    /// <summary>Counts <paramref name="count"/> refusals of reservations with this minimum, as if each had been asked and refused.</summary>
    /// <param name="minimumQuantity">The minimum of the refused reservations.</param>
    /// <param name="count">How many; zero or more.</param>
    void RecordRefusals(double minimumQuantity, int count);
}
