using CascadeGuard.Engine;
using CascadeGuard.Margin;
using CascadeGuard.Primitives;
using CascadeGuard.Scheduling;

namespace CascadeGuard.Tests.Engine;

public class EngineEndToEndTests
{
    [Fact]
    public void A_breached_account_gets_its_minimal_partial_liquidation_and_the_fill_settles_it()
    {
        using var world = new EngineWorld();
        var healthy = world.Account(1.0, 1000.0);
        var breached = world.Account(1.0, 1700.0); // RA 1,600 at 2,000: HF 0.941

        var tick = world.Tick(2000.0);

        tick.Evaluated.Should().Be(2);
        tick.NewLiquidations.Should().Be(1);
        var sale = tick.Sales.Span.ToArray().Should().ContainSingle().Subject;
        sale.Account.Should().Be(breached);
        sale.Market.Should().Be(EngineWorld.EthUsdc);

        // The planned sale is the minimal liquidation at the expected 1 % slippage: no more is ever sold than restores 1.05.
        var plan = MarginCalculator.MinimalLiquidation(
            [new(EngineWorld.Eth, 1.0)], [new(EngineWorld.Usdc, 1700.0)], [2000.0, 1.0], world.Definition.Assets,
            new MinimalLiquidationRequest(EngineWorld.Eth, EngineWorld.Usdc, 1.05, 0.01, 0.5));
        sale.Quantity.Should().Be(plan.CollateralToSell);
        sale.LimitPrice.Should().Be(2000.0 * 0.98);

        // The executor sells at 1,990: proceeds pay the 5 % penalty, then repay debt.
        world.Engine.ApplyFill(new FillReport(1, sale.Id, sale.Quantity, 1990.0)).Should().Be(FillOutcome.Applied);
        var after = world.Evaluate(breached, out var eth, out var debt, out _);
        var proceeds = sale.Quantity * 1990.0;
        var penalty = proceeds * 0.05 / 1.05;
        eth.Should().BeApproximately(1.0 - sale.Quantity, 1e-12);
        debt.Should().BeApproximately(1700.0 - (proceeds - penalty), 1e-6);
        after.HealthFactor.Should().BeGreaterThan(1.0);
        world.Engine.GetStatistics().PenaltiesCollected.Should().BeApproximately((decimal)penalty, 0.000001m);

        // Half the penalty goes to the insurance fund (the waterfall's default split).
        world.Engine.GetStatistics().InsuranceFundBalance.Should().BeApproximately((decimal)(penalty * 0.5), 0.000002m);
        world.Evaluate(healthy, out var healthyEth, out _, out _);
        healthyEth.Should().Be(1.0);
    }

    [Fact]
    public void An_account_no_sale_can_restore_goes_to_auction_and_leftover_collateral_returns()
    {
        using var world = new EngineWorld();
        world.Tick(2000.0);
        var deep = world.Account(1.0, 1500.0);

        // At 1,500: RA 1,200 against 1,500. Restoring 1.05 would need a repayment above the debt: auction the whole ETH.
        var tick = world.Tick(1500.0);
        var started = tick.AuctionsStarted.Span.ToArray().Should().ContainSingle().Subject;
        started.Account.Should().Be(deep);
        started.Lot.Should().Be(1.0m);
        started.Debt.Should().Be(1575.0m, "debt × (1 + penalty)");
        started.StartPrice.Should().Be(1800.0m, "oracle × the 1.2 start buffer");
        tick.Sales.IsEmpty.Should().BeTrue();

        // The account's ETH and debt are with the auction now; host updates to it are refused meanwhile.
        world.Evaluate(deep, out var eth, out var debt, out _);
        eth.Should().Be(0);
        debt.Should().Be(0);
        FluentActions.Invoking(() => world.Engine.SetDebt(deep, EngineWorld.Usdc, 1.0)).Should().Throw<InvalidOperationException>();

        // A keeper buys at the start price: 1,575 / 1,800 = 0.875 ETH covers the debt; 0.125 ETH returns to the account.
        var take = world.Engine.TakeAuction(1, started.Auction, 1.0m, 1800m);
        take.Taken.Should().BeTrue();
        take.Quantity.Should().Be(0.875m);
        take.Paid.Should().Be(1575m);
        take.ReturnedCollateral.Should().Be(0.125m);
        world.Evaluate(deep, out eth, out debt, out _);
        eth.Should().Be(0.125);
        debt.Should().Be(0);
        world.Engine.GetStatistics().PenaltiesCollected.Should().Be(75m);
    }

    [Fact]
    public void An_auction_that_runs_out_of_collateral_sends_its_shortfall_down_the_waterfall()
    {
        using var world = new EngineWorld();
        world.Tick(2000.0);
        var insolvent = world.Account(1.0, 1600.0);
        var started = world.Tick(1500.0).AuctionsStarted.Span[0];
        started.Debt.Should().Be(1680m);

        // After 30 minutes the stair-step curve (×0.99 every 90 s) has fallen 20 steps: 1,800 × 0.99^20.
        for (var i = 0; i < 30; i++)
        {
            world.Tick(1500.0, TimeSpan.FromMinutes(1));
        }

        var take = world.Engine.TakeAuction(1, started.Auction, 1.0m, 1800m);
        take.Taken.Should().BeTrue();
        take.Quantity.Should().Be(1.0m);
        take.Shortfall.Should().Be(1680m - take.Paid);
        take.Shortfall.Should().BeGreaterThan(0);

        var absorbed = world.Tick(1500.0).Absorptions.Span.ToArray().Should().ContainSingle().Subject;
        absorbed.Account.Should().Be(insolvent);
        absorbed.Shortfall.Should().Be(take.Shortfall);
        var r = absorbed.Result;
        (r.ByAccountCollateral + r.ByPenalty + r.ByInsuranceFund + r.ByBufferPools + r.ByAutoDeleveraging + r.BySocialization + r.Unabsorbed)
            .Should().Be(take.Shortfall, "the steps of the waterfall add up to the shortfall exactly");
        r.ByInsuranceFund.Should().Be(0, "the fund is empty");
        r.BySocialization.Should().Be(take.Shortfall);
        world.Engine.GetStatistics().BadDebt.Should().Be(take.Shortfall);
    }

    [Fact]
    public void A_stale_price_pauses_liquidations_of_the_asset_and_says_so()
    {
        using var world = new EngineWorld();
        world.Tick(2000.0);
        var account = world.Account(1.0, 1700.0);

        // Only USDC is quoted from now on: ETH's last quote ages past the 60 s staleness limit.
        world.Time.Advance(TimeSpan.FromSeconds(61));
        world.Prices.Set(EngineWorld.Usdc, 1.0, world.Time.GetUtcNow());
        var tick = world.Engine.Tick();

        tick.PausedAssets.ToArray().Should().Equal(EngineWorld.Eth);
        tick.Sales.IsEmpty.Should().BeTrue();
        tick.NewLiquidations.Should().Be(0);

        // A fresh quote resumes it: the account is routed at once. The market's breaker halted on the stale oracle and
        // releases sales again once its 15-minute halt dwell has passed.
        var resumed = world.Tick(2000.0);
        resumed.PausedAssets.IsEmpty.Should().BeTrue();
        resumed.NewLiquidations.Should().Be(1);
        resumed.Sales.IsEmpty.Should().BeTrue();
        var minutes = 0;
        TickResult later;
        do
        {
            later = world.Tick(2000.0, TimeSpan.FromMinutes(1));
            minutes++;
        }
        while (later.Sales.IsEmpty && minutes < 30);

        minutes.Should().BeInRange(14, 16);
        later.Sales.Span.ToArray().Should().ContainSingle().Which.Account.Should().Be(account);
    }

    [Fact]
    public void Sales_never_exceed_the_throttle_and_the_rest_follows_as_the_book_recovers()
    {
        // A thin book: 5 levels of 0.2 ETH within 50 bps; depth participation 25 %: about 0.25 ETH may be sold at once.
        using var world = new EngineWorld(o => o.Throttle.RecoveryHalfLife = TimeSpan.FromSeconds(10));
        world.Books.SizePerLevel = 0.2;
        world.Books.Levels = 5;
        var accounts = Enumerable.Range(0, 5).Select(_ => world.Account(10.0, 17_000.0)).ToArray();

        var released = 0.0;
        var first = world.Tick(2000.0);
        var firstTick = first.Sales.ToArray().Sum(s => s.Quantity);
        firstTick.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(0.25 + 1e-9);
        long fill = 0;
        foreach (var sale in first.Sales.ToArray())
        {
            world.Engine.ApplyFill(new FillReport(++fill, sale.Id, sale.Quantity, 1999.0));
            released += sale.Quantity;
        }

        for (var t = 0; t < 120; t++)
        {
            var tick = world.Tick(2000.0);
            foreach (var sale in tick.Sales.ToArray())
            {
                world.Engine.ApplyFill(new FillReport(++fill, sale.Id, sale.Quantity, 1999.0));
                released += sale.Quantity;
            }
        }

        released.Should().BeGreaterThan(firstTick * 5, "the budget refills as the book recovers");
        world.Engine.GetStatistics().Scheduler.ReleasedQuantity.Should().BeApproximately(released, 1e-9);
    }

    [Fact]
    public void A_halted_breaker_stops_market_sales_but_auctions_still_start()
    {
        // A host that opts into halting on a 15 % fall (the default only throttles on market stress).
        using var world = new EngineWorld(o => o.Breaker = new CascadeGuard.Breaker.CircuitBreakerOptions
        {
            PriceDrop = new CascadeGuard.Breaker.BreakerThresholds(0.05, 0.03, 0.15, 0.10),
        });
        world.Tick(2000.0);
        var restorable = world.Account(1.0, 1250.0);
        var deep = world.Account(1.0, 1500.0);

        // A 25 % fall within the 5-minute window is beyond the 15 % halt level.
        var tick = world.Tick(1500.0);
        tick.BreakerTransitions.ToArray().Should().ContainSingle().Which.To.Should().Be(CascadeGuard.Breaker.BreakerState.Halted);
        tick.Sales.IsEmpty.Should().BeTrue();
        tick.AuctionsStarted.ToArray().Should().ContainSingle().Which.Account.Should().Be(deep);
        world.Engine.GetStatistics().MarketLiquidations.Should().Be(1, "the restorable account is scheduled, but nothing is released while halted");
        _ = restorable;
    }

    [Fact]
    public void A_funded_buffer_pool_absorbs_a_shortfall_before_it_is_socialized_and_takes_are_idempotent()
    {
        using var world = new EngineWorld();
        var pool = world.Engine.BufferPools.Pools[0];
        pool.Deposit(new CascadeGuard.Ledgers.OperationId(1), new CascadeGuard.Primitives.AccountId(99), 100m).IsApplied.Should().BeTrue();
        world.Tick(2000.0);
        world.Account(1.0, 1600.0);
        var started = world.Tick(1500.0).AuctionsStarted.Span[0];
        for (var i = 0; i < 30; i++)
        {
            world.Tick(1500.0, TimeSpan.FromMinutes(1));
        }

        var take = world.Engine.TakeAuction(7, started.Auction, 1.0m, 1800m);
        world.Engine.TakeAuction(7, started.Auction, 1.0m, 1800m).Should().Be(take, "a repeated take id changes nothing");
        var r = world.Tick(1500.0).Absorptions.Span[0].Result;

        // A shortfall larger than the pool empties it exactly (a new epoch begins); the remainder is socialized.
        take.Shortfall.Should().BeGreaterThan(100m);
        r.ByBufferPools.Should().Be(100m);
        r.BySocialization.Should().Be(take.Shortfall - r.ByBufferPools);
        world.Engine.GetStatistics().BadDebt.Should().Be(r.BySocialization);
    }
}
