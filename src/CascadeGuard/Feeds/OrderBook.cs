using CascadeGuard.Primitives;

namespace CascadeGuard.Feeds;

/// <summary>
/// A validated view over a market's book: bids strictly descending, asks strictly ascending, best bid below best ask,
/// every price and size finite and positive, and each required side non-empty. The only way to obtain a non-empty view
/// is <see cref="TryCreate"/> or <see cref="TryRead"/>, so code that takes an <see cref="OrderBook"/> never sees a
/// crossed, unsorted or broken book. The view does not copy: it reads the caller's buffers, which must not change while
/// it is in use.
/// </summary>
/// <remarks><c>default</c> is an empty book with both sides empty. Immutable; as thread-safe as the buffers it views.</remarks>
public readonly ref struct OrderBook
{
    private OrderBook(ReadOnlySpan<BookLevel> bids, ReadOnlySpan<BookLevel> asks, DateTimeOffset timestamp)
    {
        Bids = bids;
        Asks = asks;
        Timestamp = timestamp;
    }

    /// <summary>Bid levels, best (highest price) first.</summary>
    public ReadOnlySpan<BookLevel> Bids { get; }

    /// <summary>Ask levels, best (lowest price) first.</summary>
    public ReadOnlySpan<BookLevel> Asks { get; }

    /// <summary>When the source observed the book.</summary>
    public DateTimeOffset Timestamp { get; }

    /// <summary>The highest bid price.</summary>
    /// <exception cref="InvalidOperationException">The bid side is empty.</exception>
    public double BestBid => Bids.IsEmpty ? throw new InvalidOperationException("The book has no bids.") : Bids[0].Price;

    /// <summary>The lowest ask price.</summary>
    /// <exception cref="InvalidOperationException">The ask side is empty.</exception>
    public double BestAsk => Asks.IsEmpty ? throw new InvalidOperationException("The book has no asks.") : Asks[0].Price;

    /// <summary>The midpoint of best bid and best ask.</summary>
    /// <exception cref="InvalidOperationException">Either side is empty.</exception>
    public double MidPrice => (BestBid + BestAsk) * 0.5;

    /// <summary>Classifies raw levels without building a view.</summary>
    /// <param name="bids">Bid levels, best first.</param>
    /// <param name="asks">Ask levels, best first.</param>
    /// <param name="required">The sides that must not be empty.</param>
    /// <returns><see cref="BookRejection.None"/> when the levels form a valid book, otherwise the first rule broken:
    /// required sides first, then the bid levels in order, then the ask levels in order, then crossing.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="required"/> is not a defined combination.</exception>
    public static BookRejection Validate(ReadOnlySpan<BookLevel> bids, ReadOnlySpan<BookLevel> asks, BookSides required)
    {
        if ((uint)required > (uint)BookSides.Both)
        {
            Guard.Throw(nameof(required), required, "must be a combination of Bids and Asks");
        }

        if ((required & BookSides.Bids) != 0 && bids.IsEmpty)
        {
            return BookRejection.EmptyBids;
        }

        if ((required & BookSides.Asks) != 0 && asks.IsEmpty)
        {
            return BookRejection.EmptyAsks;
        }

        var rejection = ValidateSide(bids, descending: true);
        if (rejection != BookRejection.None)
        {
            return rejection;
        }

        rejection = ValidateSide(asks, descending: false);
        if (rejection != BookRejection.None)
        {
            return rejection;
        }

        return !bids.IsEmpty && !asks.IsEmpty && bids[0].Price >= asks[0].Price ? BookRejection.Crossed : BookRejection.None;
    }

    /// <summary>Validates raw levels and, when they form a valid book, returns a view over them.</summary>
    /// <param name="bids">Bid levels, best first.</param>
    /// <param name="asks">Ask levels, best first.</param>
    /// <param name="timestamp">When the source observed the book.</param>
    /// <param name="required">The sides that must not be empty.</param>
    /// <param name="book">The view, or an empty book when refused.</param>
    /// <returns>See <see cref="Validate"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="required"/> is not a defined combination.</exception>
    public static BookRejection TryCreate(
        ReadOnlySpan<BookLevel> bids,
        ReadOnlySpan<BookLevel> asks,
        DateTimeOffset timestamp,
        BookSides required,
        out OrderBook book)
    {
        var rejection = Validate(bids, asks, required);
        book = rejection == BookRejection.None ? new OrderBook(bids, asks, timestamp) : default;
        return rejection;
    }

    /// <summary>Copies a market's book from <paramref name="feed"/> into the caller's buffers and validates it.</summary>
    /// <param name="feed">The host's feed.</param>
    /// <param name="market">The market to read.</param>
    /// <param name="bidBuffer">Receives bid levels; its length is the most levels read.</param>
    /// <param name="askBuffer">Receives ask levels; its length is the most levels read.</param>
    /// <param name="required">The sides that must not be empty.</param>
    /// <param name="book">A view over the buffers, or an empty book when refused.</param>
    /// <returns><see cref="BookRejection.Missing"/> when the feed has no book, <see cref="BookRejection.CountOutOfRange"/>
    /// when it reported more levels than the buffers hold, otherwise as <see cref="Validate"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="feed"/> is null.</exception>
    public static BookRejection TryRead(
        IOrderBookFeed feed,
        MarketId market,
        Span<BookLevel> bidBuffer,
        Span<BookLevel> askBuffer,
        BookSides required,
        out OrderBook book)
    {
        Guard.NotNull(feed);
        book = default;
        if (!feed.TryCopyBook(market, bidBuffer, askBuffer, out var copy))
        {
            return BookRejection.Missing;
        }

        if ((uint)copy.BidCount > (uint)bidBuffer.Length || (uint)copy.AskCount > (uint)askBuffer.Length)
        {
            return BookRejection.CountOutOfRange;
        }

        return TryCreate(bidBuffer[..copy.BidCount], askBuffer[..copy.AskCount], copy.Timestamp, required, out book);
    }

    private static BookRejection ValidateSide(ReadOnlySpan<BookLevel> levels, bool descending)
    {
        var previous = 0.0;
        for (var i = 0; i < levels.Length; i++)
        {
            var (price, size) = levels[i];
            if (!double.IsFinite(price))
            {
                return BookRejection.NonFinitePrice;
            }

            if (price <= 0)
            {
                return BookRejection.NonPositivePrice;
            }

            if (!double.IsFinite(size))
            {
                return BookRejection.NonFiniteSize;
            }

            if (size <= 0)
            {
                return BookRejection.NonPositiveSize;
            }

            if (i > 0 && (descending ? price >= previous : price <= previous))
            {
                return descending ? BookRejection.BidsNotDescending : BookRejection.AsksNotAscending;
            }

            previous = price;
        }

        return BookRejection.None;
    }
}
