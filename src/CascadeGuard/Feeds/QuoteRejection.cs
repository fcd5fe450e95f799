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
}
