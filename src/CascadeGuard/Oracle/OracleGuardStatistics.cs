namespace CascadeGuard.Oracle;

/// <summary>
/// Counters and latency accounting of one <see cref="OracleGuard"/>. Latency is the arrival time (the guard's
/// <see cref="TimeProvider"/> when the quote was offered) minus the quote's own timestamp; it can be slightly
/// negative within the allowed future skew. Refused quotes are not counted: a refusal changes nothing.
/// </summary>
/// <param name="AcceptedQuotes">Quotes accepted (admitted, held or confirming).</param>
/// <param name="HeldQuotes">Accepted quotes that deviated beyond the limit and were held.</param>
/// <param name="Confirmations">Jumps that were confirmed and admitted.</param>
/// <param name="LastLatency">Latency of the latest accepted quote; zero before any.</param>
/// <param name="MaxLatency">Largest latency seen; zero before any.</param>
/// <param name="MeanLatency">Mean latency over accepted quotes; zero before any.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct OracleGuardStatistics(
    long AcceptedQuotes,
    long HeldQuotes,
    long Confirmations,
    TimeSpan LastLatency,
    TimeSpan MaxLatency,
    TimeSpan MeanLatency);
