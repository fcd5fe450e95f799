namespace CascadeGuard.Feeds;

/// <summary>Why <see cref="QuoteValidator"/> refused a quote. <see cref="None"/> means the quote may be used.</summary>
public enum QuoteRejection
{
    /// <summary>The quote is valid.</summary>
    None = 0,

    /// <summary>The price is NaN or infinite.</summary>
    NonFinitePrice,

    /// <summary>The price is zero or negative.</summary>
    NonPositivePrice,

    /// <summary>The quote is older than the validator's maximum age.</summary>
    Stale,

    /// <summary>The quote's timestamp lies further in the future than the validator's allowed clock skew.</summary>
    FromFuture,

    /// <summary>The feed had no quote for the asset.</summary>
    Missing,

    /// <summary>
    /// The quote's timestamp is earlier than the last quote accepted from the same source, or equal to it with a
    /// different price (a source's clock must not go backwards). Raised by stateful consumers such as
    /// <see cref="CascadeGuard.Oracle.OracleGuard"/>.
    /// </summary>
    OutOfOrder,

    /// <summary>
    /// The quote repeats the last quote accepted from the same source (same timestamp and price), as a polled feed
    /// does between updates. Harmless: nothing new was learned.
    /// </summary>
    Duplicate,
}
