using CascadeGuard.Primitives;

namespace CascadeGuard.Feeds;

/// <summary>
/// Decides whether a raw <see cref="PriceQuote"/> may be acted on at a given time. A quote is refused when its price
/// is not finite, not positive, older than <see cref="MaxAge"/>, or stamped more than <see cref="MaxFutureSkew"/>
/// ahead of <c>now</c>. The validator only classifies; the caller decides what a refusal means (the engine pauses
/// liquidations of that asset rather than liquidating on an old or broken price).
/// </summary>
/// <remarks>
/// Boundaries: a quote exactly <see cref="MaxAge"/> old is still fresh; one tick older is stale. A quote exactly
/// <see cref="MaxFutureSkew"/> ahead is accepted. Immutable and thread-safe.
/// </remarks>
public readonly struct QuoteValidator
{
    /// <summary>Creates a validator.</summary>
    /// <param name="maxAge">The oldest a quote may be and still be used; must be positive.</param>
    /// <param name="maxFutureSkew">How far ahead of <c>now</c> a timestamp may be (clock skew between host and source); zero or positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of range.</exception>
    public QuoteValidator(TimeSpan maxAge, TimeSpan maxFutureSkew)
    {
        Guard.Positive(maxAge);
        Guard.NonNegative(maxFutureSkew);
        MaxAge = maxAge;
        MaxFutureSkew = maxFutureSkew;
    }

    /// <summary>The oldest a quote may be and still be used.</summary>
    public TimeSpan MaxAge { get; }

    /// <summary>How far ahead of <c>now</c> a quote's timestamp may be.</summary>
    public TimeSpan MaxFutureSkew { get; }

    /// <summary>Classifies <paramref name="quote"/> at time <paramref name="now"/>.</summary>
    /// <returns><see cref="QuoteRejection.None"/> when the quote may be used, otherwise the first rule it breaks.</returns>
    public QuoteRejection Validate(in PriceQuote quote, DateTimeOffset now)
    {
        if (!double.IsFinite(quote.Price))
        {
            return QuoteRejection.NonFinitePrice;
        }

        if (quote.Price <= 0)
        {
            return QuoteRejection.NonPositivePrice;
        }

        var age = now - quote.Timestamp;
        if (age < -MaxFutureSkew)
        {
            return QuoteRejection.FromFuture;
        }

        return age > MaxAge ? QuoteRejection.Stale : QuoteRejection.None;
    }

    /// <summary>Reads the latest quote for <paramref name="asset"/> from <paramref name="feed"/> and classifies it.</summary>
    /// <param name="feed">The host's feed.</param>
    /// <param name="asset">The asset to price.</param>
    /// <param name="now">The decision time.</param>
    /// <param name="quote">The quote read, or <c>default</c> when the feed had none.</param>
    /// <returns><see cref="QuoteRejection.None"/> when the quote may be used; <see cref="QuoteRejection.Missing"/> when the feed had none.</returns>
    public QuoteRejection TryRead(IPriceFeed feed, AssetId asset, DateTimeOffset now, out PriceQuote quote)
    {
        Guard.NotNull(feed);
        if (!feed.TryGetLatest(asset, out quote))
        {
            quote = default;
            return QuoteRejection.Missing;
        }

        return Validate(quote, now);
    }
}
