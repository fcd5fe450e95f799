using CascadeGuard.Auctions;
using CascadeGuard.Engine;
using CascadeGuard.Primitives;
using CascadeGuard.Scheduling;

namespace CascadeGuard.Tests.Engine;

public class EngineConservationTests
{
    [Fact]
    public void Every_unit_of_collateral_and_settlement_is_accounted_for_across_a_crash()
    {
        // Halting on volatility 3.0 (a level a host may opt into) keeps the market closed long enough for accounts to sink
        // past what a partial sale restores, so both routes — market sales and auctions — are exercised.
        using var world = new EngineWorld(o => o.Breaker = new CascadeGuard.Breaker.CircuitBreakerOptions
        {
            Volatility = new CascadeGuard.Breaker.BreakerThresholds(1.5, 1.0, 3.0, 2.0),
        });
        var random = new Random(7);
        var accounts = new List<AccountId>();
        double ethIn = 0, debtIn = 0;
        for (var i = 0; i < 150; i++)
        {
            var eth = 0.5 + (5 * random.NextDouble());
            var debt = eth * 2000 * 0.8 / (1.01 + random.NextDouble());
            accounts.Add(world.Account(eth, debt));
            ethIn += eth;
            debtIn += debt;
        }

        double soldEth = 0, proceeds = 0, movedToAuction = 0;
        decimal takenEth = 0, paid = 0;
        var open = new List<AuctionStarted>();
        long fill = 0;
        long takeId = 0;
        var price = 2000.0;
        for (var t = 0; t < 360; t++)
        {
            // An hour of a 45 % fall, then two flat hours for the auctions (and their resets) and slices to finish.
            price = t < 120 ? 2000 * (1 - (0.45 * t / 120.0)) : price;
            var tick = world.Tick(price, TimeSpan.FromSeconds(30));
            foreach (var sale in tick.Sales.ToArray())
            {
                // The executor fills most slices in full, some in part, at the limit or better.
                var quantity = fill % 5 == 0 ? sale.Quantity * 0.6 : sale.Quantity;
                var fillPrice = Math.Max(sale.LimitPrice, price * 0.995);
                world.Engine.ApplyFill(new FillReport(++fill, sale.Id, quantity, fillPrice));
                world.Engine.ApplyFill(new FillReport(fill, sale.Id, quantity, fillPrice)).Should().Be(FillOutcome.Duplicate);
                soldEth += quantity;
                proceeds += quantity * fillPrice;
            }

            foreach (var started in tick.AuctionsStarted.ToArray())
            {
                open.Add(started);
                movedToAuction += (double)started.Debt / 1.05;
            }

            for (var i = open.Count - 1; i >= 0; i--)
            {
                var take = world.Engine.TakeAuction(++takeId, open[i].Auction, open[i].Lot, (decimal)Math.Round(price, 2));
                if (take.Taken)
                {
                    takenEth += take.Quantity;
                    paid += take.Paid;
                    if (take.Outcome != AuctionOutcome.Continuing)
                    {
                        open.RemoveAt(i);
                    }
                }
            }
        }

        open.Should().BeEmpty("keepers took every auction once its price reached the market's");
        double ethLeft = 0, debtLeft = 0, usdcCredited = 0;
        foreach (var account in accounts)
        {
            world.Evaluate(account, out var eth, out var debt, out var usdc);
            ethLeft += eth;
            debtLeft += debt;
            usdcCredited += usdc;
        }

        var statistics = world.Engine.GetStatistics();
        statistics.MarketLiquidations.Should().BeGreaterThan(20);
        statistics.AuctionLiquidations.Should().BeGreaterThan(5);

        // Collateral: what the accounts still hold, plus what was sold in the market and taken by keepers.
        (ethLeft + soldEth + (double)takenEth).Should().BeApproximately(ethIn, 1e-9 * ethIn);

        // Settlement: every unit raised paid a penalty, repaid debt, or was credited back to its account.
        ((double)paid + proceeds).Should().BeApproximately((double)statistics.PenaltiesCollected + statistics.DebtRepaid + usdcCredited, 1e-6 * debtIn);

        // Debt: what left the accounts was repaid in the market or moved into an auction (principal, without the penalty).
        var repaidInMarket = proceeds - usdcCredited - ((double)statistics.PenaltiesCollected - MarketPenaltyShare(paid));
        (debtIn - debtLeft).Should().BeApproximately(repaidInMarket + movedToAuction, 1e-6 * debtIn);
    }

    // The penalty part of auction proceeds: paid × 0.05 / 1.05 per take, rounded down to the settlement quantum per take.
    private static double MarketPenaltyShare(decimal auctionPaid) => (double)auctionPaid * 0.05 / 1.05;
}
