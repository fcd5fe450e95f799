using CascadeGuard.Depth;
using CascadeGuard.Primitives;
using CascadeGuard.Tests.Depth;
using CascadeGuard.Throttling;
using CascadeGuard.Venues;
using CsCheck;
using Microsoft.Extensions.Time.Testing;

namespace CascadeGuard.Tests.Venues;

public class VenueSplitTests
{
    private static OrderBookVenue Book(params BookLevel[] bids)
    {
        var venue = new OrderBookVenue();
        venue.Load(Books.View(bids, [new(bids[0].Price + 1, 1)]));
        return venue;
    }

    [Fact]
    public void Two_books_by_hand()
    {
        // A: 100×2, 98×2; B: 99×3, 97×5. Merged by price: 100×2 (A), 99×3 (B), 98×2 (A). Six units: 2 + 3 + 1 → A 3, B 3,
        // marginal price 98, proceeds 200 + 297 + 98 = 595. Selling all six on B alone: 297 + 291 = 588; A holds only 4.
        IVenue[] venues = [Book(new(100, 2), new(98, 2)), Book(new(99, 3), new(97, 5))];
        var allocations = new double[2];
        var result = VenueSplit.Sell(venues, [double.PositiveInfinity, double.PositiveInfinity], 6, allocations);
        allocations.Should().Equal(3, 3);
        result.Filled.Should().Be(6);
        result.Unfilled.Should().Be(0);
        result.Notional.Should().Be(595);
        result.MarginalPrice.Should().Be(98);
        result.BlendedPrice.Should().BeApproximately(595.0 / 6, 1e-12);
        venues[1].Execute(TradeSide.Sell, 6).Notional.Should().Be(588);
        result.BlendedPrice.Should().BeGreaterThan(venues[1].Execute(TradeSide.Sell, 6).AveragePrice);
    }

    [Fact]
    public void Caps_from_throttles_are_respected()
    {
        IVenue[] venues = [Book(new(100, 2), new(98, 2)), Book(new(99, 3), new(97, 5))];
        var allocations = new double[2];
        var result = VenueSplit.Sell(venues, [1, double.PositiveInfinity], 6, allocations);
        allocations.Should().Equal(1, 5);
        result.Notional.Should().Be(100 + 297 + 194);
        result.MarginalPrice.Should().Be(97);
    }

    [Fact]
    public void Throttle_budgets_cap_the_split_and_every_allocation_can_be_reserved()
    {
        var time = new FakeTimeProvider(Books.T0);
        var options = new VolumeThrottleOptions { DepthParticipation = 0.5, VolumeParticipation = double.PositiveInfinity, MaxSlippageBps = 200 };
        IVenue[] venues = [Book(new(100, 2), new(98, 2)), Book(new(99, 3), new(97, 5))];
        var throttles = venues.Select((v, i) =>
        {
            var t = new VolumeThrottle(new MarketId(i), options, time);
            t.UpdateDepth(v, Books.T0);
            return t;
        }).ToArray();
        // Average within 200 bps of mid: all of A (4 units, average 99 ≥ 98.49) and all of B (8 units, average 97.75 ≥ 97.51);
        // half of each is the budget.
        double[] caps = [throttles[0].Available, throttles[1].Available];
        caps.Should().Equal(2, 4);
        var allocations = new double[2];
        var result = VenueSplit.Sell(venues, caps, 7, allocations);
        // A stops at its budget after 100×2; B gives 99×3 and 97×1: 200 + 297 + 97.
        allocations.Should().Equal(2, 4);
        result.Notional.Should().Be(594);
        result.Unfilled.Should().Be(1);
        for (var i = 0; i < 2; i++)
        {
            throttles[i].TryReserve(allocations[i], allocations[i]).IsGranted.Should().BeTrue();
        }
    }

    [Fact]
    public void Sale_larger_than_all_liquidity_fills_what_it_can()
    {
        IVenue[] venues = [Book(new(100, 2), new(98, 2)), Book(new(99, 3), new(97, 5))];
        var allocations = new double[2];
        var result = VenueSplit.Sell(venues, [3, double.PositiveInfinity], 50, allocations);
        allocations.Should().Equal(3, 8);
        result.Filled.Should().Be(11);
        result.Unfilled.Should().Be(39);
        result.MarginalPrice.Should().Be(97);
    }

    [Fact]
    public void Books_and_a_pool_split_beats_the_best_single_venue_and_equalises_marginal_prices()
    {
        var pool = new ConstantProductPool(1_000, 100_000, 0.003);
        IVenue[] venues = [Book(new(100, 5), new(99, 5), new(98, 10)), Book(new(99.5, 3), new(99, 4), new(97, 20)), pool];
        var allocations = new double[3];
        var result = VenueSplit.Sell(venues, [double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity], 15, allocations);
        result.Filled.Should().BeApproximately(15, 1e-9);
        allocations.Sum().Should().BeApproximately(15, 1e-9);
        foreach (var venue in venues)
        {
            result.BlendedPrice.Should().BeGreaterThan(venue.Execute(TradeSide.Sell, 15).AveragePrice);
        }

        // The pool, the only venue with a continuous curve, sells down to the common marginal price.
        pool.MarginalPrice(TradeSide.Sell, allocations[2]).Should().BeApproximately(result.MarginalPrice, 1e-9 * result.MarginalPrice);
        for (var i = 0; i < 2; i++)
        {
            venues[i].MarginalPrice(TradeSide.Sell, allocations[i]).Should().BeGreaterThanOrEqualTo(result.MarginalPrice);
        }
    }

    /// <summary>Optimality: no random feasible allocation of the same quantity raises more than the split.</summary>
    [Fact]
    public void Split_is_at_least_as_good_as_any_random_allocation()
    {
        Gen.Select(Books.Gen(30), Books.Gen(30), Gen.Double[0.01, 0.9], Gen.Double[0, 1].Array[3], Gen.Double[1e2, 1e5])
            .Sample((a, b, fraction, weights, poolDepth) =>
            {
                var bookA = new OrderBookVenue();
                bookA.Load(Books.View(a.Bids, a.Asks));
                var bookB = new OrderBookVenue();
                bookB.Load(Books.View(b.Bids, b.Asks));
                var spot = (a.Bids[0].Price + b.Bids[0].Price) / 2;
                var pool = new ConstantProductPool(poolDepth, poolDepth * spot, 0.003);
                IVenue[] venues = [bookA, bookB, pool];
                var quantity = (bookA.Capacity(TradeSide.Sell) + bookB.Capacity(TradeSide.Sell)) * fraction;
                var allocations = new double[3];
                var result = VenueSplit.Sell(venues, [double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity], quantity, allocations);
                result.Filled.Should().BeApproximately(quantity, 1e-9 * quantity);

                var total = weights.Sum() + 1e-9;
                var alternative = 0.0;
                for (var i = 0; i < 3; i++)
                {
                    alternative += venues[i].Execute(TradeSide.Sell, quantity * weights[i] / total).Notional;
                }

                result.Notional.Should().BeGreaterThanOrEqualTo(alternative * (1 - 1e-9));
            }, iter: 300);
    }

    [Fact]
    public void Bad_requests_throw_and_write_nothing()
    {
        IVenue[] venues = [Book(new BookLevel(100, 2)), Book(new BookLevel(99, 3))];
        var allocations = new[] { 7.0, 7.0 };
        FluentActions.Invoking(() => VenueSplit.Sell(venues, [1], 1, allocations)).Should().Throw<ArgumentException>().WithParameterName("caps");
        FluentActions.Invoking(() => VenueSplit.Sell(venues, [1, double.NaN], 1, allocations)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("caps[1]");
        FluentActions.Invoking(() => VenueSplit.Sell(venues, [1, -1], 1, allocations)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("caps[1]");
        FluentActions.Invoking(() => VenueSplit.Sell(venues, [1, 1], double.NaN, allocations)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("quantity");
        FluentActions.Invoking(() => VenueSplit.Sell(venues, [1, 1], 1, new double[1])).Should().Throw<ArgumentException>().WithParameterName("allocations");
        FluentActions.Invoking(() => VenueSplit.Sell([venues[0], null!], [1, 1], 1, allocations)).Should().Throw<ArgumentException>().WithParameterName("venues");
        allocations.Should().Equal(7, 7);
    }

    [Fact]
    public void Zero_quantity_allocates_nothing()
    {
        IVenue[] venues = [Book(new BookLevel(100, 2)), Book(new BookLevel(99, 3))];
        var allocations = new[] { 7.0, 7.0 };
        var result = VenueSplit.Sell(venues, [1, 1], 0, allocations);
        allocations.Should().Equal(0, 0);
        result.Filled.Should().Be(0);
        result.BlendedPrice.Should().Be(0);
    }
}
