using CascadeGuard.Depth;
using CascadeGuard.Primitives;

namespace CascadeGuard.Tests.Depth;

/// <summary>Walks worked by hand on a three-level book: bids 100×1, 99×2, 98×3; asks 101×1, 102×2; mid 100.5.</summary>
public class BookWalkTests
{
    private static readonly BookLevel[] Bids = [new(100, 1), new(99, 2), new(98, 3)];
    private static readonly BookLevel[] Asks = [new(101, 1), new(102, 2)];

    [Fact]
    public void Sale_inside_the_book()
    {
        // 1 @ 100 + 1.5 @ 99 = 248.5; average 99.4; slippage (100 − 99.4)/100 = 60 bps vs best, 1.1/100.5 vs mid.
        var e = BookWalk.Walk(Books.View(Bids, Asks), TradeSide.Sell, 2.5);
        e.Filled.Should().Be(2.5);
        e.Unfilled.Should().Be(0);
        e.IsComplete.Should().BeTrue();
        e.Notional.Should().Be(248.5);
        e.AveragePrice.Should().Be(99.4);
        e.WorstPrice.Should().Be(99);
        e.LastLevel.Should().Be(1);
        e.BestPrice.Should().Be(100);
        e.MidPrice.Should().Be(100.5);
        e.SlippageVsBestBps.Should().BeApproximately(60, 1e-9);
        e.SlippageVsMidBps.Should().BeApproximately(1.1 / 100.5 * 1e4, 1e-9);
        e.ImpactBps.Should().BeApproximately(1.5 / 100.5 * 1e4, 1e-9);
    }

    [Fact]
    public void Sale_that_runs_off_the_end_of_the_book()
    {
        // All 6 units: 100 + 198 + 294 = 592, average 98.666…; 4 units left unfilled.
        var e = BookWalk.Walk(Books.View(Bids, Asks), TradeSide.Sell, 10);
        e.Filled.Should().Be(6);
        e.Unfilled.Should().Be(4);
        e.IsComplete.Should().BeFalse();
        e.Notional.Should().Be(592);
        e.AveragePrice.Should().Be(592.0 / 6);
        e.WorstPrice.Should().Be(98);
        e.LastLevel.Should().Be(2);
    }

    [Fact]
    public void Sale_that_exactly_empties_a_level_stops_there()
    {
        var e = BookWalk.Walk(Books.View(Bids, Asks), TradeSide.Sell, 3);
        e.Notional.Should().Be(298);
        e.LastLevel.Should().Be(1);
        e.WorstPrice.Should().Be(99);
    }

    [Fact]
    public void Purchase_walks_the_asks()
    {
        // 1 @ 101 + 1 @ 102 = 203, average 101.5: 0.5/101 vs best, 1/100.5 vs mid.
        var e = BookWalk.Walk(Books.View(Bids, Asks), TradeSide.Buy, 2);
        e.Notional.Should().Be(203);
        e.AveragePrice.Should().Be(101.5);
        e.SlippageVsBestBps.Should().BeApproximately(0.5 / 101 * 1e4, 1e-9);
        e.SlippageVsMidBps.Should().BeApproximately(1 / 100.5 * 1e4, 1e-9);
        e.LastLevel.Should().Be(1);
    }

    [Fact]
    public void Zero_quantity_touches_nothing()
    {
        var e = BookWalk.Walk(Books.View(Bids, Asks), TradeSide.Sell, 0);
        e.Filled.Should().Be(0);
        e.LastLevel.Should().Be(-1);
        e.AveragePrice.Should().Be(100);
        e.SlippageVsBestBps.Should().Be(0);
    }

    [Fact]
    public void One_sided_book_measures_from_its_own_best()
    {
        var e = BookWalk.Walk(Books.View(Bids, []), TradeSide.Sell, 1);
        e.MidPrice.Should().Be(100);
    }

    [Theory]
    // Average within 60 bps of best (limit 99.4): level 0 whole, then 1.5 of level 1 (the walk above).
    [InlineData(TradeSide.Sell, 60, SlippageMeasure.AveragePrice, SlippageReference.Best, 2.5)]
    // Worst within 100 bps of best (limit 99): levels 100 and 99 in full.
    [InlineData(TradeSide.Sell, 100, SlippageMeasure.WorstPrice, SlippageReference.Best, 3)]
    // Worst within 99 bps of best (limit 99.01): level 100 only.
    [InlineData(TradeSide.Sell, 99, SlippageMeasure.WorstPrice, SlippageReference.Best, 1)]
    // Everything within the bound: the whole side.
    [InlineData(TradeSide.Sell, 1000, SlippageMeasure.AveragePrice, SlippageReference.Best, 6)]
    // Against mid 100.5 the best bid is already 49.75 bps away: nothing within 40 bps.
    [InlineData(TradeSide.Sell, 40, SlippageMeasure.AveragePrice, SlippageReference.Mid, 0)]
    // Buy, average within 0.5/101 of best (limit 101.5): 2 units (101 and 102 average 101.5).
    [InlineData(TradeSide.Buy, 0.5 / 101 * 1e4, SlippageMeasure.AveragePrice, SlippageReference.Best, 2)]
    // Buy, worst within 1.5/100.5 of mid (limit 102): both levels.
    [InlineData(TradeSide.Buy, 1.5 / 100.5 * 1e4, SlippageMeasure.WorstPrice, SlippageReference.Mid, 3)]
    public void Largest_quantity_within_a_bound_by_hand(TradeSide side, double bps, SlippageMeasure measure, SlippageReference reference, double expected)
    {
        var bound = new SlippageBound(bps, measure, reference);
        BookWalk.MaxQuantityWithin(Books.View(Bids, Asks), side, bound).Should().BeApproximately(expected, 1e-12);
        Books.Ladder(Bids, Asks, side).MaxQuantityWithin(bound).Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void Limit_at_a_level_price_includes_that_level()
    {
        BookWalk.MaxQuantityWithin(Books.View(Bids, Asks), TradeSide.Sell, 99, SlippageMeasure.WorstPrice).Should().Be(3);
        // Average with limit at 98: every level's price is at or above it, so the whole book.
        BookWalk.MaxQuantityWithin(Books.View(Bids, Asks), TradeSide.Sell, 98, SlippageMeasure.AveragePrice).Should().Be(6);
    }

    [Fact]
    public void Bad_arguments_throw_naming_the_parameter()
    {
        var bids = Bids;
        var asks = Asks;
        FluentActions.Invoking(() => BookWalk.Walk(Books.View(bids, asks), TradeSide.Sell, double.NaN))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("quantity").WithMessage("*NaN*");
        FluentActions.Invoking(() => BookWalk.Walk(Books.View(bids, asks), TradeSide.Sell, -1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("quantity");
        FluentActions.Invoking(() => BookWalk.MaxQuantityWithin(Books.View(bids, asks), TradeSide.Sell, double.PositiveInfinity, SlippageMeasure.WorstPrice))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("limitPrice");
        FluentActions.Invoking(() => BookWalk.Walk(Books.View([], asks), TradeSide.Sell, 1))
            .Should().Throw<ArgumentException>().WithParameterName("book").WithMessage("*no bids*");
        FluentActions.Invoking(() => BookWalk.Walk(Books.View(bids, []), TradeSide.Buy, 1))
            .Should().Throw<ArgumentException>().WithParameterName("book").WithMessage("*no asks*");
        FluentActions.Invoking(() => new SlippageBound(-1))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxBps");
        FluentActions.Invoking(() => new SlippageBound(10_001))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxBps");
        FluentActions.Invoking(() => new SlippageBound(double.NaN))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxBps");
        FluentActions.Invoking(() => new SlippageBound(10, (SlippageMeasure)5))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("measure");
        FluentActions.Invoking(() => new SlippageBound(10, SlippageMeasure.WorstPrice, (SlippageReference)9))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("reference");
        FluentActions.Invoking(() => new SlippageBound(10).LimitPrice(TradeSide.Sell, 0))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("referencePrice");
    }

    [Fact]
    public void Limit_prices_of_a_bound()
    {
        new SlippageBound(50).LimitPrice(TradeSide.Sell, 200).Should().BeApproximately(199, 1e-12);
        new SlippageBound(50).LimitPrice(TradeSide.Buy, 200).Should().BeApproximately(201, 1e-12);
        new SlippageBound(10_000).LimitPrice(TradeSide.Sell, 200).Should().Be(0);
    }
}
