using CascadeGuard.Feeds;

namespace CascadeGuard.Oracle;

/// <summary>The outcome of offering one quote to <see cref="OracleGuard.Update"/>.</summary>
/// <param name="Rejection">
/// <see cref="QuoteRejection.None"/> when the quote was accepted (admitted or held); otherwise why it was refused,
/// in which case the guard's state is exactly as before.
/// </param>
/// <param name="Decision">The guard's decision at the update time, after the quote (or unchanged by a refused quote).</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct OracleUpdate(QuoteRejection Rejection, OracleDecision Decision)
{
    /// <summary>Whether the quote was accepted.</summary>
    public bool Accepted => Rejection == QuoteRejection.None;
}
