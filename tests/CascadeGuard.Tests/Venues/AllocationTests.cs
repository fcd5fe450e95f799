using CascadeGuard.Depth;
using CascadeGuard.Feeds;
using CascadeGuard.Primitives;
using CascadeGuard.Tests.Depth;
using CascadeGuard.Tests.Support;
using CascadeGuard.Venues;

namespace CascadeGuard.Tests.Venues;

/// <summary>The depth functions claim 0 B per call; this measures it on the calling thread after a warm-up.</summary>
[Collection(AllocationMeasurements.Name)]
public class AllocationTests
{
    [Fact]
    public void Depth_venue_split_and_vpin_calls_allocate_nothing()
    {
        BookLevel[] bids = [new(100, 1), new(99, 2), new(98, 3)];
        BookLevel[] asks = [new(101, 1), new(102, 2)];
        var book = new OrderBookVenue();
        book.Load(Books.View(bids, asks));
        var pool = new ConstantProductPool(1_000, 100_000, 0.003);
        var cl = ConcentratedLiquidityPool.Create(100, 0.003, [new(80, 120, 5_000), new(90, 105, 3_000)]);
        IVenue[] venues = [book, pool, cl];
        double[] caps = [double.PositiveInfinity, 50, double.PositiveInfinity];
        var allocations = new double[3];
        var curve = new Execution[8];
        var vpin = new VpinEstimator(new VpinOptions { BucketVolume = 5, WindowBuckets = 4 });
        var resilience = new ResilienceModel(TimeSpan.FromSeconds(30));
        var bound = new SlippageBound(80);

        double Run()
        {
            var sum = 0.0;
            foreach (var venue in venues)
            {
                sum += venue.Execute(TradeSide.Sell, 2.5).Notional + venue.Execute(TradeSide.Buy, 1.5).Notional;
                sum += venue.MarginalPrice(TradeSide.Sell, 1) + VenueDepth.MaxQuantityWithin(venue, TradeSide.Sell, bound);
                sum += venue.MaxQuantityWithin(TradeSide.Buy, 103, SlippageMeasure.AveragePrice);
                VenueDepth.SampleImpactCurve(venue, TradeSide.Sell, 4, curve);
            }

            sum += VenueSplit.Sell(venues, caps, 20, allocations).Notional;
            OrderBook.TryCreate(bids, asks, Books.T0, BookSides.Both, out var view);
            sum += BookWalk.Walk(view, TradeSide.Sell, 4).Notional;
            vpin.Observe(100 + (sum % 1), 3);
            sum += resilience.Decay(10, TimeSpan.FromSeconds(5));
            return sum;
        }

        Run();
        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = 0.0;
        for (var i = 0; i < 100; i++)
        {
            total += Run();
        }

        GC.GetAllocatedBytesForCurrentThread().Should().Be(before);
        total.Should().BePositive();
    }
}
