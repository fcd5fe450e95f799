using CascadeGuard.Depth;
using CascadeGuard.Venues;
using CsCheck;

namespace CascadeGuard.Tests.Venues;

public class PoolTests
{
    // Uniswap v2 getAmountOut for x = 1,000 base, y = 2,000,000 quote, 0.3 % fee, selling 10 base:
    // 10·0.997·2e6 / (1000 + 10·0.997) = 19,742.16…; the spot price is 2,000, the best sale price 1,994.
    private static readonly ConstantProductPool Pool = new(1_000, 2_000_000, 0.003);

    [Fact]
    public void Constant_product_sale_matches_the_v2_formula()
    {
        var e = Pool.Execute(TradeSide.Sell, 10);
        e.Notional.Should().BeApproximately(10 * 0.997 * 2e6 / (1000 + (10 * 0.997)), 1e-9);
        e.Filled.Should().Be(10);
        Pool.MidPrice.Should().Be(2000);
        Pool.BestPrice(TradeSide.Sell).Should().BeApproximately(1994, 1e-9);
        Pool.BestPrice(TradeSide.Buy).Should().BeApproximately(2000 / 0.997, 1e-9);
        Pool.Capacity(TradeSide.Sell).Should().Be(double.PositiveInfinity);
        Pool.Capacity(TradeSide.Buy).Should().BeApproximately(1000, 1e-9);
        // Marginal price after the sale: (1 − f)·y·x / (x + Q(1 − f))².
        e.WorstPrice.Should().BeApproximately(0.997 * 2e9 / Math.Pow(1000 + 9.97, 2), 1e-9);
        e.LastLevel.Should().Be(0);
    }

    [Fact]
    public void Constant_product_purchase_matches_the_v2_formula()
    {
        // getAmountIn: y·Q / ((x − Q)(1 − f)).
        var e = Pool.Execute(TradeSide.Buy, 10);
        e.Notional.Should().BeApproximately(2e6 * 10 / (990 * 0.997), 1e-8);
        e.WorstPrice.Should().BeApproximately(2e9 / (990.0 * 990) / 0.997, 1e-9);
    }

    [Fact]
    public void Constant_product_pool_is_never_emptied()
    {
        var e = Pool.Execute(TradeSide.Buy, 5_000);
        e.Filled.Should().BeLessThan(1000).And.BeGreaterThan(999.999);
        double.IsFinite(e.Notional).Should().BeTrue();
        e.Unfilled.Should().BeGreaterThan(4000);
        Pool.MarginalPrice(TradeSide.Buy, 1000).Should().Be(double.PositiveInfinity);
        Pool.MarginalPrice(TradeSide.Sell, 1e300).Should().BeLessThan(1e-200);
    }

    [Fact]
    public void Constant_product_bounds_have_closed_forms()
    {
        // Average ≥ L ⇔ Q ≤ y/L − x/(1 − f); marginal ≥ L ⇔ Q ≤ (√((1 − f)·x·y/L) − x)/(1 − f).
        const double limit = 1950;
        Pool.MaxQuantityWithin(TradeSide.Sell, limit, SlippageMeasure.AveragePrice)
            .Should().BeApproximately((2e6 / limit) - (1000 / 0.997), 1e-9);
        Pool.MaxQuantityWithin(TradeSide.Sell, limit, SlippageMeasure.WorstPrice)
            .Should().BeApproximately((Math.Sqrt(0.997 * 2e9 / limit) - 1000) / 0.997, 1e-9);
        Pool.MaxQuantityWithin(TradeSide.Sell, 1995, SlippageMeasure.AveragePrice).Should().Be(0);
        Pool.MaxQuantityWithin(TradeSide.Sell, 0, SlippageMeasure.AveragePrice).Should().Be(double.PositiveInfinity);
        // Buying with average ≤ L: y·Q/((x − Q)(1 − f)) ≤ L·Q ⇔ Q ≤ x − y/(L(1 − f)).
        Pool.MaxQuantityWithin(TradeSide.Buy, 2100, SlippageMeasure.AveragePrice)
            .Should().BeApproximately(1000 - (2e6 / (2100 * 0.997)), 1e-9);
        VenueDepth.MaxQuantityWithin(Pool, TradeSide.Sell, new SlippageBound(250, SlippageMeasure.AveragePrice, SlippageReference.Mid))
            .Should().BeApproximately((2e6 / 1950) - (1000 / 0.997), 1e-9);
    }

    [Fact]
    public void Constant_product_matches_the_step_by_step_swap()
    {
        foreach (var q in new[] { 0.5, 10, 250, 5_000 })
        {
            var sim = SwapSimulator.ConstantProduct(1_000, 2_000_000, 0.003);
            var (received, _) = sim.Sell(q, chunks: 7);
            Pool.Execute(TradeSide.Sell, q).Notional.Should().BeApproximately(received, 1e-9 * received);
            Pool.MarginalPrice(TradeSide.Sell, q).Should().BeApproximately(sim.Price * 0.997, 1e-9 * sim.Price);
        }
    }

    // Three positions: 50 over [1800, 2200), 30 over [1900, 2000), 20 over [2050, 2500): ranges
    // [1800,1900) 50, [1900,2000) 80, [2000,2050) 50, [2050,2200) 70, [2200,2500) 20.
    private static readonly LiquidityPosition[] Positions =
    [
        new(1800, 2200, 50_000),
        new(1900, 2000, 30_000),
        new(2050, 2500, 20_000),
    ];

    [Fact]
    public void Concentrated_sale_within_one_range_is_the_virtual_constant_product()
    {
        var pool = ConcentratedLiquidityPool.Create(1950, 0.003, Positions);
        pool.RangeCount.Should().Be(5);
        // In [1900, 2000) L = 80,000: virtual reserves x = L/√P, y = L·√P.
        var l = 80_000.0;
        var x = l / Math.Sqrt(1950);
        var y = l * Math.Sqrt(1950);
        var net = 0.5 * 0.997;
        pool.Execute(TradeSide.Sell, 0.5).Notional.Should().BeApproximately(y * net / (x + net), 1e-9);
        pool.Execute(TradeSide.Sell, 0.5).LastLevel.Should().Be(0);
    }

    [Fact]
    public void Concentrated_sale_crossing_ranges_matches_the_step_by_step_swap()
    {
        var pool = ConcentratedLiquidityPool.Create(1950, 0.003, Positions);
        // Base to push the price from 1950 to 1800: 80k·(1/√1900 − 1/√1950) + 50k·(1/√1800 − 1/√1900), gross of fee.
        var capacity = ((80_000 * ((1 / Math.Sqrt(1900)) - (1 / Math.Sqrt(1950)))) + (50_000 * ((1 / Math.Sqrt(1800)) - (1 / Math.Sqrt(1900))))) / 0.997;
        pool.Capacity(TradeSide.Sell).Should().BeApproximately(capacity, 1e-12 * capacity);
        foreach (var fraction in new[] { 0.1, 0.4, 0.9, 1.0, 1.5 })
        {
            var q = capacity * fraction;
            var sim = new SwapSimulator(1950, 0.003, Positions);
            var (received, sold) = sim.Sell(q, chunks: 5);
            var e = pool.Execute(TradeSide.Sell, q);
            e.Notional.Should().BeApproximately(received, 1e-9 * received);
            e.Filled.Should().BeApproximately(sold, 1e-9 * sold);
            e.WorstPrice.Should().BeApproximately(sim.Price * 0.997, 1e-9 * sim.Price);
        }

        pool.Execute(TradeSide.Sell, capacity * 0.9).LastLevel.Should().Be(1);
    }

    [Fact]
    public void Concentrated_purchase_crosses_a_range_and_stops_where_liquidity_ends()
    {
        var pool = ConcentratedLiquidityPool.Create(1950, 0.003, Positions);
        var capacity = pool.Capacity(TradeSide.Buy);
        foreach (var fraction in new[] { 0.05, 0.3, 0.7, 1.0, 2.0 })
        {
            var sim = new SwapSimulator(1950, 0.003, Positions);
            var (paid, bought) = sim.Buy(capacity * fraction, chunks: 3);
            var e = pool.Execute(TradeSide.Buy, capacity * fraction);
            e.Notional.Should().BeApproximately(paid, 1e-9 * paid);
            e.Filled.Should().BeApproximately(bought, 1e-9 * bought);
        }

        pool.MarginalPrice(TradeSide.Buy, capacity * 2).Should().BeApproximately(2500 / 0.997, 1e-9);
    }

    [Fact]
    public void Empty_region_is_crossed_at_no_cost_and_the_best_price_is_where_liquidity_starts()
    {
        // Liquidity only in [1000, 1500) and [2500, 3000); price 2000 sits in the gap.
        LiquidityPosition[] split = [new(1000, 1500, 10_000), new(2500, 3000, 10_000)];
        var pool = ConcentratedLiquidityPool.Create(2000, 0, split);
        pool.MidPrice.Should().Be(2000);
        pool.BestPrice(TradeSide.Sell).Should().BeApproximately(1500, 1e-9);
        pool.BestPrice(TradeSide.Buy).Should().BeApproximately(2500, 1e-9);
        var sim = new SwapSimulator(2000, 0, split);
        var (received, _) = sim.Sell(50);
        pool.Execute(TradeSide.Sell, 50).Notional.Should().BeApproximately(received, 1e-9 * received);
    }

    [Fact]
    public void Gap_between_ranges_is_crossed_by_a_large_sale()
    {
        LiquidityPosition[] gapped = [new(1000, 1500, 10_000), new(1800, 2200, 20_000)];
        var pool = ConcentratedLiquidityPool.Create(2000, 0.001, gapped);
        var q = pool.Capacity(TradeSide.Sell) * 0.8;
        var sim = new SwapSimulator(2000, 0.001, gapped);
        var (received, _) = sim.Sell(q);
        var e = pool.Execute(TradeSide.Sell, q);
        e.Notional.Should().BeApproximately(received, 1e-9 * received);
        e.LastLevel.Should().Be(2);
        e.WorstPrice.Should().BeLessThan(1500);
    }

    [Fact]
    public void Wide_single_range_behaves_as_constant_product_for_small_trades()
    {
        var cl = ConcentratedLiquidityPool.Create(2000, 0.003, [new(2000 / 1e6, 2000 * 1e6, Math.Sqrt(1_000.0 * 2_000_000))]);
        cl.Execute(TradeSide.Sell, 10).Notional.Should().BeApproximately(Pool.Execute(TradeSide.Sell, 10).Notional, 1e-9);
        cl.MaxQuantityWithin(TradeSide.Sell, 1950, SlippageMeasure.AveragePrice)
            .Should().BeApproximately(Pool.MaxQuantityWithin(TradeSide.Sell, 1950, SlippageMeasure.AveragePrice), 1e-9);
    }

    /// <summary>Random pools: closed forms against the simulator, and the bound searches against bisection on the execution.</summary>
    [Fact]
    public void Random_pools_agree_with_the_simulation_and_their_bounds_hold()
    {
        var position = Gen.Select(Gen.Double[500, 4000], Gen.Double[1.01, 1.6], Gen.Double[1e3, 1e5])
            .Select((lower, width, l) => new LiquidityPosition(lower, lower * width, l));
        Gen.Select(position.Array[1, 6], Gen.Double[600, 3800], Gen.Double[0, 0.01], Gen.Double[0.01, 1.3], Gen.Double[0, 1])
            .Sample((positions, price, fee, fraction, bpsFraction) =>
            {
                ConcentratedLiquidityPool pool;
                try
                {
                    pool = ConcentratedLiquidityPool.Create(price, fee, positions);
                }
                catch (ArgumentException)
                {
                    return; // no liquidity on one side of the price: a rejected pool, covered elsewhere
                }

                foreach (var side in new[] { TradeSide.Sell, TradeSide.Buy })
                {
                    var q = pool.Capacity(side) * fraction;
                    var sim = new SwapSimulator(price, fee, positions);
                    var (notional, filled) = side == TradeSide.Sell ? sim.Sell(q, 3) : sim.Buy(q, 3);
                    var e = pool.Execute(side, q);
                    e.Notional.Should().BeApproximately(notional, 1e-8 * Math.Max(1, notional));
                    e.Filled.Should().BeApproximately(filled, 1e-8 * Math.Max(1, filled));

                    // A limit between the best price and the price where liquidity ends.
                    var best = pool.BestPrice(side);
                    var end = pool.MarginalPrice(side, pool.Capacity(side));
                    var limit = best + ((end - best) * bpsFraction);
                    foreach (var measure in new[] { SlippageMeasure.AveragePrice, SlippageMeasure.WorstPrice })
                    {
                        var found = pool.MaxQuantityWithin(side, limit, measure);
                        var brute = Bisect(pool, side, limit, measure);
                        found.Should().BeApproximately(brute, 1e-7 * Math.Max(1, brute));
                    }
                }
            },
            iter: 400);
    }

    /// <summary>The largest Q in [0, capacity] whose execution satisfies the limit, by bisection on Execute.</summary>
    private static double Bisect(AmmPool venue, TradeSide side, double limit, SlippageMeasure measure)
    {
        var sign = side == TradeSide.Sell ? 1 : -1;
        bool Ok(double q)
        {
            var e = venue.Execute(side, q);
            var price = measure == SlippageMeasure.AveragePrice ? e.AveragePrice : e.WorstPrice;
            return sign * (price - limit) >= 0;
        }

        double lo = 0, hi = venue.Capacity(side);
        if (Ok(hi))
        {
            return hi;
        }

        for (var i = 0; i < 200; i++)
        {
            var mid = (lo + hi) / 2;
            if (Ok(mid))
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    [Fact]
    public void Bad_pools_and_arguments_throw_naming_the_field()
    {
        FluentActions.Invoking(() => new ConstantProductPool(0, 1, 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("baseReserve");
        FluentActions.Invoking(() => new ConstantProductPool(1, double.NaN, 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("quoteReserve");
        FluentActions.Invoking(() => new ConstantProductPool(1, 1, 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("feeRate");
        FluentActions.Invoking(() => new ConstantProductPool(1, 1, -0.1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("feeRate");
        FluentActions.Invoking(() => ConcentratedLiquidityPool.Create(2000, 0, [new(2100, 2000, 1)]))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("positions[0]");
        FluentActions.Invoking(() => ConcentratedLiquidityPool.Create(2000, 0, [new(1000, 3000, 1), new(1000, 3000, double.PositiveInfinity)]))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("positions[1].Liquidity");
        FluentActions.Invoking(() => ConcentratedLiquidityPool.Create(2000, 0, [new(2100, 2200, 1)]))
            .Should().Throw<ArgumentException>().WithParameterName("positions").WithMessage("*below*");
        FluentActions.Invoking(() => ConcentratedLiquidityPool.Create(2000, 0, [new(1000, 1900, 1)]))
            .Should().Throw<ArgumentException>().WithParameterName("positions").WithMessage("*above*");
        FluentActions.Invoking(() => ConcentratedLiquidityPool.Create(0, 0, Positions)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("price");
        FluentActions.Invoking(() => Pool.Execute(TradeSide.Sell, -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("quantity");
        FluentActions.Invoking(() => Pool.MarginalPrice(TradeSide.Sell, double.NaN)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("quantity");
        FluentActions.Invoking(() => Pool.MaxQuantityWithin(TradeSide.Sell, double.NaN, SlippageMeasure.WorstPrice)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("limitPrice");
        FluentActions.Invoking(() => ConcentratedLiquidityPool.PriceAtTick(900_000)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("tick");
    }

    [Fact]
    public void Tick_prices_follow_one_basis_point_steps()
    {
        ConcentratedLiquidityPool.PriceAtTick(0).Should().Be(1);
        ConcentratedLiquidityPool.PriceAtTick(1).Should().BeApproximately(1.0001, 1e-15);
        ConcentratedLiquidityPool.PriceAtTick(-20_000).Should().BeApproximately(Math.Pow(1.0001, -20_000), 1e-15);
    }
}
