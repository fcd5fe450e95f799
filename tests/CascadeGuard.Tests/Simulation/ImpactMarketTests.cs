using CascadeGuard.Simulation.Market;

namespace CascadeGuard.Tests.Simulation;

public class ImpactMarketTests
{
    private static readonly DepthProfile Linear = new(1, 1_000); // δ(x) = x / 1,000

    [Fact]
    public void A_sale_walks_the_book_and_pays_the_mean_distance()
    {
        var market = ImpactMarket.WithImpact(Linear, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), 0, 100);
        var fill = market.Sell(100, 0);

        // δ goes 0 → 0.1: mid 100 → 90, average price 100·(1 − 0.05) = 95.
        fill.Units.Should().Be(100);
        fill.AveragePrice.Should().BeApproximately(95, 1e-12);
        fill.MidBefore.Should().Be(100);
        fill.MidAfter.Should().BeApproximately(90, 1e-12);
        market.Mid.Should().BeApproximately(90, 1e-12);
    }

    [Fact]
    public void Consumed_depth_halves_every_half_life_and_the_permanent_part_stays()
    {
        var market = ImpactMarket.WithImpact(Linear, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), 0.25, 100);
        market.Sell(200, 0); // δ 0 → 0.2; permanent 0.25 · 0.2 = 0.05 → U = 95; mid stays 80: δ' = 1 − 0.8/0.95
        market.PermanentMultiplier.Should().BeApproximately(0.95, 1e-12);
        market.Mid.Should().BeApproximately(80, 1e-9);
        var consumed = market.ConsumedDepth;
        for (var i = 0; i < 10; i++)
        {
            market.Advance(100);
        }

        market.ConsumedDepth.Should().BeApproximately(consumed / 2, 1e-9);
        for (var i = 0; i < 2_000; i++)
        {
            market.Advance(100);
        }

        market.Mid.Should().BeApproximately(95, 1e-9, "the temporary part decays, the permanent part stays");
    }

    [Fact]
    public void A_limit_stops_the_sale_at_its_price()
    {
        var market = ImpactMarket.WithImpact(Linear, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), 0, 100);
        market.UnitsAbove(97).Should().BeApproximately(30, 1e-9);
        var fill = market.Sell(100, 97);
        fill.Units.Should().BeApproximately(30, 1e-9);
        fill.MidAfter.Should().BeApproximately(97, 1e-9);
        market.Sell(10, 99).Units.Should().Be(0);
    }

    [Fact]
    public void The_book_has_an_end_and_the_rest_is_unfilled()
    {
        var market = ImpactMarket.WithImpact(Linear, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), 0, 100);
        var fill = market.Sell(5_000, 0);
        fill.Units.Should().BeApproximately(1_000 * (1 - 1e-6), 1e-6);
        market.Mid.Should().BeApproximately(100 * 1e-6, 1e-9);
        market.Sell(1, 0).Units.Should().Be(0);
    }

    [Fact]
    public void Without_impact_sales_fill_at_the_exogenous_price_and_move_nothing()
    {
        var market = ImpactMarket.WithoutImpact(100);
        var fill = market.Sell(1e12, 0);
        fill.Units.Should().Be(1e12);
        fill.AveragePrice.Should().Be(100);
        market.Mid.Should().Be(100);
        market.Advance(80);
        market.Mid.Should().Be(80);
    }

    [Theory]
    [InlineData(double.NaN, 0)]
    [InlineData(-1, 0)]
    [InlineData(1, double.PositiveInfinity)]
    public void Bad_sales_are_refused_and_change_nothing(double units, double limit)
    {
        var market = ImpactMarket.WithImpact(Linear, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), 0, 100);
        market.Sell(10, 0);
        var before = (market.Mid, market.ConsumedDepth);
        var act = () => market.Sell(units, limit);
        act.Should().Throw<ArgumentOutOfRangeException>();
        (market.Mid, market.ConsumedDepth).Should().Be(before);
    }
}
