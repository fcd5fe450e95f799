using CascadeGuard.Feeds;
using CascadeGuard.Primitives;

namespace CascadeGuard.Tests.Feeds;

public class OrderBookTests
{
    private static readonly DateTimeOffset T0 = new(2024, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly BookLevel[] Bids = [new(100, 1), new(99, 2), new(98, 3)];
    private static readonly BookLevel[] Asks = [new(101, 1), new(102, 2)];

    [Fact]
    public void Valid_book_is_viewed_without_copying()
    {
        OrderBook.TryCreate(Bids, Asks, T0, BookSides.Both, out var book).Should().Be(BookRejection.None);
        book.Bids.Length.Should().Be(3);
        book.Asks.Length.Should().Be(2);
        book.BestBid.Should().Be(100);
        book.BestAsk.Should().Be(101);
        book.MidPrice.Should().Be(100.5);
        book.Timestamp.Should().Be(T0);
        // A view, not a copy: the spans start at the caller's arrays.
        Unsafe.AreSame(ref MemoryMarshal.GetReference(book.Bids), ref Bids[0]).Should().BeTrue();
    }

    [Theory]
    [InlineData(BookSides.Bids, BookRejection.EmptyBids, true, false)]
    [InlineData(BookSides.Asks, BookRejection.EmptyAsks, false, true)]
    [InlineData(BookSides.Both, BookRejection.EmptyBids, true, true)]
    [InlineData(BookSides.Both, BookRejection.EmptyAsks, false, true)]
    [InlineData(BookSides.None, BookRejection.None, true, true)]
    public void Empty_side_is_rejected_only_where_required(BookSides required, BookRejection expected, bool emptyBids, bool emptyAsks)
    {
        var bids = emptyBids ? [] : Bids;
        var asks = emptyAsks ? [] : Asks;
        OrderBook.Validate(bids, asks, required).Should().Be(expected);
    }

    public static TheoryData<BookLevel[], BookLevel[], BookRejection> BrokenBooks => new()
    {
        { [new(double.NaN, 1)], Asks, BookRejection.NonFinitePrice },
        { [new(100, 1), new(double.PositiveInfinity, 1)], Asks, BookRejection.NonFinitePrice },
        { [new(0, 1)], Asks, BookRejection.NonPositivePrice },
        { [new(-1, 1)], Asks, BookRejection.NonPositivePrice },
        { [new(100, double.NaN)], Asks, BookRejection.NonFiniteSize },
        { [new(100, double.PositiveInfinity)], Asks, BookRejection.NonFiniteSize },
        { [new(100, 0)], Asks, BookRejection.NonPositiveSize },
        { [new(100, -2)], Asks, BookRejection.NonPositiveSize },
        { [new(99, 1), new(100, 1)], Asks, BookRejection.BidsNotDescending },
        { [new(100, 1), new(100, 1)], Asks, BookRejection.BidsNotDescending },
        { Bids, [new(102, 1), new(101, 1)], BookRejection.AsksNotAscending },
        { Bids, [new(101, 1), new(101, 1)], BookRejection.AsksNotAscending },
        { Bids, [new(101, 1), new(double.NaN, 1)], BookRejection.NonFinitePrice },
        { Bids, [new(101, 0)], BookRejection.NonPositiveSize },
        { Bids, [new(100, 1)], BookRejection.Crossed },
        { Bids, [new(99.5, 1)], BookRejection.Crossed },
    };

    [Theory]
    [MemberData(nameof(BrokenBooks))]
    public void Broken_books_are_rejected_with_their_reason_and_no_view(BookLevel[] bids, BookLevel[] asks, BookRejection expected)
    {
        OrderBook.TryCreate(bids, asks, T0, BookSides.Both, out var book).Should().Be(expected);
        book.Bids.IsEmpty.Should().BeTrue();
        book.Asks.IsEmpty.Should().BeTrue();
        book.Timestamp.Should().Be(default);
    }

    [Fact]
    public void Crossing_is_only_checked_when_both_sides_exist()
    {
        OrderBook.Validate(Bids, [], BookSides.Bids).Should().Be(BookRejection.None);
        OrderBook.Validate([], Asks, BookSides.Asks).Should().Be(BookRejection.None);
    }

    [Fact]
    public void Undefined_required_sides_throw_naming_the_parameter()
    {
        var act = () => OrderBook.Validate(Bids, Asks, (BookSides)7);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("required").WithMessage("*7*");
    }

    [Fact]
    public void Best_prices_of_an_empty_side_throw()
    {
        OrderBook.TryCreate(Bids, [], T0, BookSides.Bids, out var book).Should().Be(BookRejection.None);
        book.BestBid.Should().Be(100);
        Action bestAsk = () => _ = ReadBestAsk(Bids);
        bestAsk.Should().Throw<InvalidOperationException>();
        Action mid = () => _ = ReadMid(Bids);
        mid.Should().Throw<InvalidOperationException>();
    }

    private static double ReadBestAsk(BookLevel[] bids)
    {
        OrderBook.TryCreate(bids, [], T0, BookSides.None, out var book);
        return book.BestAsk;
    }

    private static double ReadMid(BookLevel[] bids)
    {
        OrderBook.TryCreate(bids, [], T0, BookSides.None, out var book);
        return book.MidPrice;
    }

    [Fact]
    public void Reading_from_a_feed_fills_the_callers_buffers()
    {
        var feed = new FakeBookFeed { Bids = Bids, Asks = Asks, Timestamp = T0 };
        var bidBuffer = new BookLevel[8];
        var askBuffer = new BookLevel[8];
        OrderBook.TryRead(feed, new MarketId(3), bidBuffer, askBuffer, BookSides.Both, out var book).Should().Be(BookRejection.None);
        feed.LastMarket.Should().Be(new MarketId(3));
        book.Bids.ToArray().Should().Equal(Bids);
        book.Asks.ToArray().Should().Equal(Asks);
        book.Timestamp.Should().Be(T0);
        bidBuffer[0].Should().Be(Bids[0]);
    }

    [Fact]
    public void A_deeper_book_is_cut_to_the_buffer()
    {
        var feed = new FakeBookFeed { Bids = Bids, Asks = Asks, Timestamp = T0 };
        OrderBook.TryRead(feed, new MarketId(0), new BookLevel[2], new BookLevel[1], BookSides.Both, out var book)
            .Should().Be(BookRejection.None);
        book.Bids.Length.Should().Be(2);
        book.Asks.Length.Should().Be(1);
    }

    [Fact]
    public void Feed_failures_are_typed()
    {
        var buffer = new BookLevel[8];
        var askBuffer = new BookLevel[8];
        OrderBook.TryRead(new FakeBookFeed { Missing = true }, new MarketId(0), buffer, askBuffer, BookSides.Both, out _)
            .Should().Be(BookRejection.Missing);
        OrderBook.TryRead(new FakeBookFeed { Bids = Bids, Asks = Asks, OverstateCount = 9 }, new MarketId(0), buffer, askBuffer, BookSides.Both, out _)
            .Should().Be(BookRejection.CountOutOfRange);
        OrderBook.TryRead(new FakeBookFeed { Bids = Bids, Asks = Asks, OverstateCount = -1 }, new MarketId(0), buffer, askBuffer, BookSides.Both, out _)
            .Should().Be(BookRejection.CountOutOfRange);
        OrderBook.TryRead(new FakeBookFeed { Bids = [new(100, 1)], Asks = [new(99, 1)] }, new MarketId(0), buffer, askBuffer, BookSides.Both, out var crossed)
            .Should().Be(BookRejection.Crossed);
        crossed.Bids.IsEmpty.Should().BeTrue();
        var act = () => OrderBook.TryRead(null!, new MarketId(0), buffer, askBuffer, BookSides.Both, out _);
        act.Should().Throw<ArgumentNullException>().WithParameterName("feed");
    }

    [Fact]
    public void Book_level_notional_is_price_times_size()
    {
        new BookLevel(2.5, 4).Notional.Should().Be(10);
    }
}
