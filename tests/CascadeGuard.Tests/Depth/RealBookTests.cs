using CascadeGuard.Depth;
using CascadeGuard.Feeds;
using CascadeGuard.Primitives;
using CascadeGuard.Throttling;
using CascadeGuard.Venues;
using Microsoft.Extensions.Time.Testing;

namespace CascadeGuard.Tests.Depth;

/// <summary>
/// Depth functions on real books (Data/README.md). Expected figures were computed independently with Python's decimal
/// module from the CSV text; the doubles agree to the stated tolerance.
/// </summary>
public class RealBookTests
{
    [Theory]
    [InlineData(RealBooks.Binance, 10, 25)]
    [InlineData(RealBooks.Bybit, 12, 50)]
    public void Every_recorded_book_validates(string file, int snapshots, int levels)
    {
        var books = RealBooks.Load(file);
        books.Should().HaveCount(snapshots);
        foreach (var s in books)
        {
            OrderBook.Validate(s.Bids, s.Asks, BookSides.Both).Should().Be(BookRejection.None);
            s.Bids.Should().HaveCount(levels);
        }
    }

    [Fact]
    public void Binance_btc_walks_match_decimal_arithmetic()
    {
        var s = RealBooks.Load(RealBooks.Binance)[0];
        var book = Books.View(s.Bids, s.Asks);
        book.MidPrice.Should().Be(11657.075);

        // 20 BTC reaches level 22 (11,653.35): 233,118.87734 USDT, average 11,655.943867.
        var twenty = BookWalk.Walk(book, TradeSide.Sell, 20);
        twenty.Notional.Should().BeApproximately(233_118.87734, 1e-6);
        twenty.AveragePrice.Should().BeApproximately(11_655.943867, 1e-8);
        twenty.LastLevel.Should().Be(21);
        twenty.WorstPrice.Should().Be(11_653.35);

        // 30 BTC runs off the top-25 sample: 25.872 filled for 301,547.21324, 4.128 left.
        var thirty = BookWalk.Walk(book, TradeSide.Sell, 30);
        thirty.Filled.Should().BeApproximately(25.872, 1e-12);
        thirty.Unfilled.Should().BeApproximately(4.128, 1e-12);
        thirty.Notional.Should().BeApproximately(301_547.21324, 1e-6);

        // Worst level within 2 bps of mid (limit 11,654.743585): 14.859 BTC.
        var bound = new SlippageBound(2, SlippageMeasure.WorstPrice, SlippageReference.Mid);
        BookWalk.MaxQuantityWithin(book, TradeSide.Sell, bound).Should().BeApproximately(14.859, 1e-12);
        Books.Ladder(s.Bids, s.Asks, TradeSide.Sell).MaxQuantityWithin(bound).Should().BeApproximately(14.859, 1e-12);
        // The sample is thin (±0.035 %): at 50 bps every recorded level qualifies.
        BookWalk.MaxQuantityWithin(book, TradeSide.Sell, new SlippageBound(50)).Should().BeApproximately(25.872, 1e-12);
    }

    [Fact]
    public void Bybit_xrp_walks_and_bounds_match_decimal_arithmetic()
    {
        var s = RealBooks.Load(RealBooks.Bybit)[0];
        var book = Books.View(s.Bids, s.Asks);
        book.MidPrice.Should().BeApproximately(1.95315, 1e-15);
        var ladder = Books.Ladder(s.Bids, s.Asks, TradeSide.Sell);
        ladder.Capacity.Should().Be(1_277_798);

        // Limit 5 bps under mid = 1.952173425: worst-level depth 105,199 XRP; average-price depth 230,274.926973885 XRP.
        ladder.MaxQuantityWithin(new SlippageBound(5, SlippageMeasure.WorstPrice)).Should().Be(105_199);
        ladder.MaxQuantityWithin(new SlippageBound(5, SlippageMeasure.AveragePrice)).Should().BeApproximately(230_274.926973885, 1e-6);

        BookWalk.Walk(book, TradeSide.Sell, 100_000).AveragePrice.Should().BeApproximately(1.952497531, 1e-12);
        BookWalk.Walk(book, TradeSide.Buy, 250_000).Notional.Should().BeApproximately(488_503.5191, 1e-7);
    }

    [Theory]
    [InlineData(RealBooks.Binance)]
    [InlineData(RealBooks.Bybit)]
    public void Ladder_equals_walk_and_bounds_behave_on_every_snapshot(string file)
    {
        foreach (var s in RealBooks.Load(file))
        {
            var book = Books.View(s.Bids, s.Asks);
            foreach (var side in new[] { TradeSide.Sell, TradeSide.Buy })
            {
                var ladder = Books.Ladder(s.Bids, s.Asks, side);
                double previousAverage = 0, previousWorst = 0;
                for (var bps = 0.0; bps <= 40; bps += 0.5)
                {
                    var average = ladder.MaxQuantityWithin(new SlippageBound(bps, SlippageMeasure.AveragePrice));
                    var worst = ladder.MaxQuantityWithin(new SlippageBound(bps, SlippageMeasure.WorstPrice));
                    average.Should().Be(BookWalk.MaxQuantityWithin(book, side, new SlippageBound(bps, SlippageMeasure.AveragePrice)));
                    worst.Should().Be(BookWalk.MaxQuantityWithin(book, side, new SlippageBound(bps, SlippageMeasure.WorstPrice)));
                    // A looser bound never allows less, and the average bound is looser than the worst-level one.
                    average.Should().BeGreaterThanOrEqualTo(previousAverage);
                    worst.Should().BeGreaterThanOrEqualTo(previousWorst);
                    average.Should().BeGreaterThanOrEqualTo(worst);
                    previousAverage = average;
                    previousWorst = worst;
                }
            }
        }
    }

    [Fact]
    public void Impact_curve_on_a_real_book_rises_with_size()
    {
        var s = RealBooks.Load(RealBooks.Bybit)[5];
        var venue = new OrderBookVenue();
        venue.Load(Books.View(s.Bids, s.Asks));
        var curve = new Execution[20];
        VenueDepth.SampleImpactCurve(venue, TradeSide.Sell, venue.Capacity(TradeSide.Sell), curve);
        curve.Select(e => e.SlippageVsMidBps).Should().BeInAscendingOrder();
        curve.Select(e => e.ImpactBps).Should().BeInAscendingOrder();
        curve[^1].ImpactBps.Should().BeInRange(20, 30); // the top 50 levels span about ±0.25 %
    }

    [Fact]
    public void Throttle_follows_recorded_books_through_time()
    {
        var books = RealBooks.Load(RealBooks.Bybit);
        var time = new FakeTimeProvider(books[0].Time);
        var options = new VolumeThrottleOptions { MaxSlippageBps = 5, DepthParticipation = 0.5, VolumeParticipation = double.PositiveInfinity };
        var throttle = new VolumeThrottle(new MarketId(0), options, time);
        var venue = new OrderBookVenue();
        foreach (var s in books)
        {
            time.SetUtcNow(s.Time);
            venue.Load(Books.View(s.Bids, s.Asks));
            throttle.UpdateDepth(venue, s.Time).Should().BeTrue();
            throttle.Available.Should().Be(0.5 * venue.Ladder(TradeSide.Sell).MaxQuantityWithin(new SlippageBound(5)));
        }
    }
}
