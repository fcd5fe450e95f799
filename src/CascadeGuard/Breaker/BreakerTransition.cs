namespace CascadeGuard.Breaker;

/// <summary>An audit record of one state change, with the measures that caused it.</summary>
/// <param name="From">The state left.</param>
/// <param name="To">The state entered.</param>
/// <param name="Reason">The measure that escalated, or <see cref="BreakerReason.Recovered"/> for a step down.</param>
/// <param name="Time">When, from the breaker's <see cref="TimeProvider"/>.</param>
/// <param name="Measures">Every measure at that evaluation.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct BreakerTransition(BreakerState From, BreakerState To, BreakerReason Reason, DateTimeOffset Time, BreakerMeasures Measures);
