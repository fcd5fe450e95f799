namespace CascadeGuard.Feeds;

/// <summary>What an <see cref="IOrderBookFeed"/> wrote into the caller's buffers.</summary>
/// <param name="BidCount">Bid levels written, best first.</param>
/// <param name="AskCount">Ask levels written, best first.</param>
/// <param name="Timestamp">When the source observed the book.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct OrderBookCopy(int BidCount, int AskCount, DateTimeOffset Timestamp);
