using CascadeGuard.Depth;
using CascadeGuard.Primitives;
using CsCheck;

namespace CascadeGuard.Tests.Depth;

public class DepthLadderTests
{
    private static readonly BookLevel[] Bids = [new(100, 1), new(99, 2), new(98, 3)];
    private static readonly BookLevel[] Asks = [new(101, 1), new(102, 2)];

    [Fact]
    public void Ladder_answers_the_hand_worked_walks()
    {
        var ladder = Books.Ladder(Bids, Asks, TradeSide.Sell);
        ladder.Capacity.Should().Be(6);
        ladder.LevelCount.Should().Be(3);
        ladder.BestPrice.Should().Be(100);
        ladder.MidPrice.Should().Be(100.5);
        ladder.Execute(2.5).Should().Be(BookWalk.Walk(Books.View(Bids, Asks), TradeSide.Sell, 2.5));
        var off = ladder.Execute(10);
        off.Filled.Should().Be(6);
        off.Notional.Should().Be(592);
        off.LastLevel.Should().Be(2);
        ladder.Execute(0).LastLevel.Should().Be(-1);
        ladder.MarginalPrice(0).Should().Be(100);
        ladder.MarginalPrice(1).Should().Be(100);
        ladder.MarginalPrice(1.0000001).Should().Be(99);
        ladder.MarginalPrice(50).Should().Be(98);
    }

    [Fact]
    public void Prefix_sums_are_written_into_the_callers_buffers()
    {
        var size = new double[5];
        var notional = new double[5];
        _ = DepthLadder.Build(Books.View(Bids, Asks), TradeSide.Sell, size, notional);
        size.Should().Equal(1, 3, 6, 0, 0);
        notional.Should().Equal(100, 298, 592, 0, 0);
    }

    [Fact]
    public void Short_buffers_and_empty_sides_throw()
    {
        var bids = Bids;
        var asks = Asks;
        FluentActions.Invoking(() => DepthLadder.Build(Books.View(bids, asks), TradeSide.Sell, new double[2], new double[3]))
            .Should().Throw<ArgumentException>().WithParameterName("cumulativeSize");
        FluentActions.Invoking(() => DepthLadder.Build(Books.View(bids, asks), TradeSide.Sell, new double[3], new double[2]))
            .Should().Throw<ArgumentException>().WithParameterName("cumulativeNotional");
        FluentActions.Invoking(() => DepthLadder.Build(Books.View(bids, []), TradeSide.Buy, new double[3], new double[3]))
            .Should().Throw<ArgumentException>().WithParameterName("book");
        FluentActions.Invoking(() => Books.Ladder(bids, asks, TradeSide.Sell).Execute(double.NegativeInfinity))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("quantity");
        FluentActions.Invoking(() => Books.Ladder(bids, asks, TradeSide.Sell).MarginalPrice(double.NaN))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("quantity");
        FluentActions.Invoking(() => Books.Ladder(bids, asks, TradeSide.Sell).MaxQuantityWithin(-1, SlippageMeasure.AveragePrice))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("limitPrice");
    }

    /// <summary>
    /// The O(log n) search against two linear searches on thousands of random books: bit-identical to the library's walk
    /// (same additions in the same order) and within 1e-9 of an independent brute force written here.
    /// </summary>
    [Fact]
    public void Bound_search_matches_brute_force_linear_search_on_random_books()
    {
        Gen.Select(Books.Gen(), Gen.Double[0, 300], Gen.Int[0, 3], Gen.Int[0, 1000])
            .Sample((book, bps, mode, pick) =>
            {
                foreach (var side in (ReadOnlySpan<TradeSide>)[TradeSide.Sell, TradeSide.Buy])
                {
                    var levels = side == TradeSide.Sell ? book.Bids : book.Asks;
                    var ladder = Books.Ladder(book.Bids, book.Asks, side);
                    var view = Books.View(book.Bids, book.Asks);
                    // Half the cases put the limit exactly on a level price, the boundary where off-by-one errors live.
                    var limit = mode < 2
                        ? new SlippageBound(bps, SlippageMeasure.AveragePrice, (SlippageReference)mode).LimitPrice(side, mode == 0 ? ladder.MidPrice : ladder.BestPrice)
                        : levels[pick % levels.Length].Price;
                    foreach (var measure in (ReadOnlySpan<SlippageMeasure>)[SlippageMeasure.AveragePrice, SlippageMeasure.WorstPrice])
                    {
                        var fast = ladder.MaxQuantityWithin(limit, measure);
                        var linear = BookWalk.MaxQuantityWithin(view, side, limit, measure);
                        fast.Should().Be(linear);
                        var brute = BruteForce(levels, side, limit, measure);
                        fast.Should().BeApproximately(brute, 1e-9 * Math.Max(1, brute));
                        if (fast > 0)
                        {
                            var e = ladder.Execute(fast);
                            var price = measure == SlippageMeasure.AveragePrice ? e.AveragePrice : e.WorstPrice;
                            var sign = side == TradeSide.Sell ? 1 : -1;
                            (sign * (price - limit)).Should().BeGreaterThanOrEqualTo(-1e-9 * limit);
                        }
                    }
                }
            },
            iter: 3000);
    }

    [Fact]
    public void Execute_and_marginal_price_match_the_walk_on_random_books()
    {
        Gen.Select(Books.Gen(), Gen.Double[0, 1.2])
            .Sample((book, fraction) =>
            {
                var ladder = Books.Ladder(book.Bids, book.Asks, TradeSide.Sell);
                var q = ladder.Capacity * fraction;
                ladder.Execute(q).Should().Be(BookWalk.Walk(Books.View(book.Bids, book.Asks), TradeSide.Sell, q));
                var e = ladder.Execute(q);
                if (e.Filled > 0)
                {
                    ladder.MarginalPrice(e.Filled).Should().Be(e.WorstPrice);
                }
            },
            iter: 2000);
    }

    /// <summary>
    /// Independent brute force: keep whole levels while the running totals keep the average within the limit (compared as
    /// paid ≥ limit·taken for a sale, so that no division blurs the boundary); the first level that breaks it is entered
    /// only as far as the average allows (for the worst price, not at all).
    /// </summary>
    private static double BruteForce(BookLevel[] levels, TradeSide side, double limit, SlippageMeasure measure)
    {
        var better = side == TradeSide.Sell
            ? (Func<double, double, bool>)((price, lim) => price >= lim)
            : (price, lim) => price <= lim;
        double taken = 0, paid = 0;
        foreach (var level in levels)
        {
            if (measure == SlippageMeasure.WorstPrice)
            {
                if (!better(level.Price, limit))
                {
                    return taken;
                }

                taken += level.Size;
                continue;
            }

            if (!better(paid + (level.Price * level.Size), limit * (taken + level.Size)))
            {
                if (level.Price == limit)
                {
                    return taken + level.Size;
                }

                // Solve (paid + p·x) / (taken + x) = limit for x.
                var x = (paid - (limit * taken)) / (limit - level.Price);
                return taken + Math.Clamp(x, 0, level.Size);
            }

            taken += level.Size;
            paid += level.Price * level.Size;
        }

        return taken;
    }
}
