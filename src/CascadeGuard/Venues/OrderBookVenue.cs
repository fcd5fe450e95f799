using CascadeGuard.Depth;
using CascadeGuard.Feeds;
using CascadeGuard.Primitives;

namespace CascadeGuard.Venues;

/// <summary>
/// An order book as a venue: <see cref="Load"/> copies a validated snapshot into buffers the venue owns and builds the
/// prefix sums of both sides once, after which every question is an O(log levels) binary search through a
/// <see cref="DepthLadder"/>. Buffers grow when a deeper book arrives and are reused afterwards, so loading allocates
/// nothing in steady state.
/// </summary>
/// <remarks>
/// Reads may run concurrently with each other but not with <see cref="Load"/>; a host reloads between ticks.
/// </remarks>
public sealed class OrderBookVenue : IVenue
{
    private BookLevel[] _bids;
    private BookLevel[] _asks;
    private double[] _bidSize;
    private double[] _bidNotional;
    private double[] _askSize;
    private double[] _askNotional;
    private int _bidCount;
    private int _askCount;

    /// <summary>Creates an empty venue; load a book before asking it anything.</summary>
    /// <param name="initialDepth">Levels per side to reserve room for; positive. Deeper books grow the buffers.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="initialDepth"/> is not positive.</exception>
    public OrderBookVenue(int initialDepth = 64)
    {
        Guard.Positive(initialDepth);
        _bids = new BookLevel[initialDepth];
        _asks = new BookLevel[initialDepth];
        _bidSize = new double[initialDepth];
        _bidNotional = new double[initialDepth];
        _askSize = new double[initialDepth];
        _askNotional = new double[initialDepth];
    }

    /// <summary>Whether a book has been loaded.</summary>
    public bool IsLoaded => _bidCount > 0;

    /// <summary>When the loaded book was observed.</summary>
    public DateTimeOffset Timestamp { get; private set; }

    /// <summary>Bid levels loaded.</summary>
    public int BidCount => _bidCount;

    /// <summary>Ask levels loaded.</summary>
    public int AskCount => _askCount;

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">No book is loaded.</exception>
    public double MidPrice => (Ladder(TradeSide.Sell).BestPrice + Ladder(TradeSide.Buy).BestPrice) * 0.5;

    /// <summary>Copies <paramref name="book"/> and builds its prefix sums.</summary>
    /// <param name="book">A validated book with both sides non-empty.</param>
    /// <exception cref="ArgumentException">A side of <paramref name="book"/> is empty; the venue keeps its previous book.</exception>
    public void Load(OrderBook book)
    {
        if (book.Bids.IsEmpty || book.Asks.IsEmpty)
        {
            throw new ArgumentException("A venue needs a book with both sides non-empty (validate with BookSides.Both).", nameof(book));
        }

        LoadSide(book.Bids, ref _bids, ref _bidSize, ref _bidNotional);
        LoadSide(book.Asks, ref _asks, ref _askSize, ref _askNotional);
        _bidCount = book.Bids.Length;
        _askCount = book.Asks.Length;
        Timestamp = book.Timestamp;
    }

    /// <summary>The ladder over one side of the loaded book, for callers that want the span-level API directly.</summary>
    /// <param name="side">Sell reads the bids, buy the asks.</param>
    /// <returns>A view over the venue's buffers, valid until the next <see cref="Load"/>.</returns>
    /// <exception cref="InvalidOperationException">No book is loaded.</exception>
    public DepthLadder Ladder(TradeSide side)
    {
        if (!IsLoaded)
        {
            throw new InvalidOperationException("No book has been loaded into this venue.");
        }

        var mid = (_bids[0].Price + _asks[0].Price) * 0.5;
        return side == TradeSide.Sell
            ? new DepthLadder(_bids.AsSpan(0, _bidCount), _bidSize.AsSpan(0, _bidCount), _bidNotional.AsSpan(0, _bidCount), side, mid)
            : new DepthLadder(_asks.AsSpan(0, _askCount), _askSize.AsSpan(0, _askCount), _askNotional.AsSpan(0, _askCount), side, mid);
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">No book is loaded.</exception>
    public double BestPrice(TradeSide side) => Ladder(side).BestPrice;

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">No book is loaded.</exception>
    public double Capacity(TradeSide side) => Ladder(side).Capacity;

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">No book is loaded.</exception>
    public Execution Execute(TradeSide side, double quantity) => Ladder(side).Execute(quantity);

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">No book is loaded.</exception>
    public double MarginalPrice(TradeSide side, double quantity) => Ladder(side).MarginalPrice(quantity);

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">No book is loaded.</exception>
    public double MaxQuantityWithin(TradeSide side, double limitPrice, SlippageMeasure measure) =>
        Ladder(side).MaxQuantityWithin(limitPrice, measure);

    private static void LoadSide(ReadOnlySpan<BookLevel> source, ref BookLevel[] levels, ref double[] size, ref double[] notional)
    {
        if (levels.Length < source.Length)
        {
            var length = Math.Max(source.Length, levels.Length * 2);
            levels = new BookLevel[length];
            size = new double[length];
            notional = new double[length];
        }

        source.CopyTo(levels);
        DepthLadder.FillPrefixSums(source, size, notional);
    }
}
