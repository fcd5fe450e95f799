using CascadeGuard.Depth;
using CascadeGuard.Primitives;
using CascadeGuard.Tests.Depth;
using CascadeGuard.Tests.Support;
using CascadeGuard.Venues;
using CsCheck;

namespace CascadeGuard.Tests.Venues;

[Collection(AllocationMeasurements.Name)]
public class OrderBookVenueTests
{
    private static readonly BookLevel[] Bids = [new(100, 1), new(99, 2), new(98, 3)];
    private static readonly BookLevel[] Asks = [new(101, 1), new(102, 2)];

    [Fact]
    public void Loaded_venue_answers_as_the_walk()
    {
        var venue = new OrderBookVenue(initialDepth: 1);
        venue.IsLoaded.Should().BeFalse();
        venue.Load(Books.View(Bids, Asks));
        venue.IsLoaded.Should().BeTrue();
        venue.BidCount.Should().Be(3);
        venue.AskCount.Should().Be(2);
        venue.Timestamp.Should().Be(Books.T0);
        venue.MidPrice.Should().Be(100.5);
        venue.BestPrice(TradeSide.Sell).Should().Be(100);
        venue.BestPrice(TradeSide.Buy).Should().Be(101);
        venue.Capacity(TradeSide.Sell).Should().Be(6);
        venue.Capacity(TradeSide.Buy).Should().Be(3);
        venue.Execute(TradeSide.Sell, 2.5).Should().Be(BookWalk.Walk(Books.View(Bids, Asks), TradeSide.Sell, 2.5));
        venue.MarginalPrice(TradeSide.Sell, 2).Should().Be(99);
        venue.MaxQuantityWithin(TradeSide.Sell, 99, SlippageMeasure.WorstPrice).Should().Be(3);
        VenueDepth.MaxQuantityWithin(venue, TradeSide.Sell, new SlippageBound(100, SlippageMeasure.WorstPrice, SlippageReference.Best)).Should().Be(3);
    }

    [Fact]
    public void Reloading_replaces_the_book_and_reuses_buffers()
    {
        var venue = new OrderBookVenue(initialDepth: 8);
        venue.Load(Books.View(Bids, Asks));
        BookLevel[] thinner = [new(90, 1)];
        venue.Load(Books.View(thinner, Asks));
        venue.Capacity(TradeSide.Sell).Should().Be(1);
        venue.BestPrice(TradeSide.Sell).Should().Be(90);
        var view = Books.View(Bids, Asks);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        venue.Load(view);
        GC.GetAllocatedBytesForCurrentThread().Should().Be(allocated);
    }

    [Fact]
    public void Random_books_give_the_walks_answers()
    {
        var venue = new OrderBookVenue(initialDepth: 4);
        Gen.Select(Books.Gen(60), Gen.Double[0, 1.1]).Sample((book, fraction) =>
        {
            venue.Load(Books.View(book.Bids, book.Asks));
            var view = Books.View(book.Bids, book.Asks);
            foreach (var side in new[] { TradeSide.Sell, TradeSide.Buy })
            {
                var q = venue.Capacity(side) * fraction;
                venue.Execute(side, q).Should().Be(BookWalk.Walk(view, side, q));
            }
        }, iter: 500, threads: 1);
    }

    [Fact]
    public void Rejections_leave_the_previous_book()
    {
        var venue = new OrderBookVenue();
        FluentActions.Invoking(() => venue.MidPrice).Should().Throw<InvalidOperationException>();
        FluentActions.Invoking(() => venue.Execute(TradeSide.Sell, 1)).Should().Throw<InvalidOperationException>();
        venue.Load(Books.View(Bids, Asks));
        FluentActions.Invoking(() => venue.Load(Books.View(Bids, []))).Should().Throw<ArgumentException>().WithParameterName("book");
        FluentActions.Invoking(() => venue.Load(Books.View([], Asks))).Should().Throw<ArgumentException>().WithParameterName("book");
        venue.Capacity(TradeSide.Buy).Should().Be(3);
        venue.Capacity(TradeSide.Sell).Should().Be(6);
        FluentActions.Invoking(() => new OrderBookVenue(0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("initialDepth");
    }

    [Fact]
    public void Impact_curve_at_given_and_sampled_quantities()
    {
        var venue = new OrderBookVenue();
        venue.Load(Books.View(Bids, Asks));
        var curve = new Execution[3];
        VenueDepth.ImpactCurve(venue, TradeSide.Sell, [1, 2.5, 10], curve);
        curve[0].AveragePrice.Should().Be(100);
        curve[1].AveragePrice.Should().Be(99.4);
        curve[2].Unfilled.Should().Be(4);
        curve[2].ImpactBps.Should().BeApproximately(2.5 / 100.5 * 1e4, 1e-9);

        var sampled = new Execution[4];
        VenueDepth.SampleImpactCurve(venue, TradeSide.Sell, 6, sampled);
        sampled.Select(e => e.Requested).Should().Equal(1.5, 3, 4.5, 6);
        // Impact never falls as the sale grows.
        sampled.Select(e => e.SlippageVsMidBps).Should().BeInAscendingOrder();

        var untouched = new Execution[2];
        FluentActions.Invoking(() => VenueDepth.ImpactCurve(venue, TradeSide.Sell, [1, -1], untouched))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("quantities[1]");
        untouched[0].Should().Be(default(Execution));
        FluentActions.Invoking(() => VenueDepth.ImpactCurve(venue, TradeSide.Sell, [1, 2], new Execution[1]))
            .Should().Throw<ArgumentException>().WithParameterName("destination");
        FluentActions.Invoking(() => VenueDepth.SampleImpactCurve(venue, TradeSide.Sell, 0, sampled))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxQuantity");
        FluentActions.Invoking(() => VenueDepth.MaxQuantityWithin(null!, TradeSide.Sell, new SlippageBound(1)))
            .Should().Throw<ArgumentNullException>().WithParameterName("venue");
    }
}
