using CascadeGuard.Primitives;

namespace CascadeGuard.Feeds;

/// <summary>
/// The order-book feed a host implements: copies a market's latest bid and ask levels into buffers the caller owns,
/// so that no call allocates. Implementations write levels best first (bids from the highest price down, asks from the
/// lowest price up), at most as many per side as the buffer holds (a deeper book is cut to its best levels), must not
/// block on I/O (serve from a cache the host keeps fresh) and must not allocate. The levels are not trusted: pass them
/// through <see cref="OrderBook.TryRead"/> or <see cref="OrderBook.TryCreate"/> before using them.
/// </summary>
public interface IOrderBookFeed
{
    /// <summary>Copies the latest book of <paramref name="market"/> into <paramref name="bids"/> and <paramref name="asks"/>.</summary>
    /// <param name="market">The market whose book to copy.</param>
    /// <param name="bids">Receives bid levels, best (highest) first.</param>
    /// <param name="asks">Receives ask levels, best (lowest) first.</param>
    /// <param name="copy">How many levels were written per side, and the book's timestamp.</param>
    /// <returns><see langword="false"/> when the feed has no book for the market.</returns>
    bool TryCopyBook(MarketId market, Span<BookLevel> bids, Span<BookLevel> asks, out OrderBookCopy copy);
}
