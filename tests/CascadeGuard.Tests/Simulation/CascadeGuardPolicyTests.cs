using CascadeGuard.Auctions;
using CascadeGuard.Engine;
using CascadeGuard.Feeds;
using CascadeGuard.Margin;
using CascadeGuard.Primitives;
using CascadeGuard.Simulation.Accounts;
using CascadeGuard.Simulation.Market;
using CascadeGuard.Simulation.Policies;
using CascadeGuard.Simulation.Population;
using CascadeGuard.Simulation.Runs;

namespace CascadeGuard.Tests.Simulation;

/// <summary>
/// The <c>cascadeguard</c> policy's host mapping, stepped by hand on a flat book (β = 1, 1,000 units between the price and
/// zero, no permanent impact, no refill to speak of) at 2,048: the engine's options, the feeds it reads, a throttled partial
/// liquidation settled alike in the ledger and the engine, an auction taken by the keepers down to its shortfall and the
/// engine's insurance cover mirrored into the ledger, and what the default oracle guard does with a spiked debt price.
/// </summary>
public class CascadeGuardPolicyTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Options_are_the_defaults_but_for_the_settings_the_time_scale_and_market_force()
    {
        var defaults = new CascadeGuardOptions();
        var minute = CascadeGuardPolicy.Options(TimeSpan.FromMinutes(1), seed: 3);
        minute.TickInterval.Should().Be(TimeSpan.FromMinutes(1));
        minute.Oracle.MaxStaleness.Should().Be(TimeSpan.FromSeconds(60), "one quote a minute is what the default already accepts");
        minute.Breaker.PriceDropWindow.Should().Be(TimeSpan.FromMinutes(5));
        minute.Throttle.VolumeParticipation.Should().Be(double.PositiveInfinity);
        minute.Scheduler.Seed.Should().Be((ulong)SimulationRequest.Mix(3, 0x4347));

        var sixMinutes = CascadeGuardPolicy.Options(TimeSpan.FromMinutes(6), seed: 3);
        sixMinutes.TickInterval.Should().Be(TimeSpan.FromMinutes(6));
        sixMinutes.Oracle.MaxStaleness.Should().Be(TimeSpan.FromMinutes(6));
        sixMinutes.Breaker.PriceDropWindow.Should().Be(TimeSpan.FromMinutes(6));

        // Everything else is the default.
        minute.Should().BeEquivalentTo(defaults, o => o
            .Excluding(x => x.TickInterval)
            .Excluding(x => x.Oracle.MaxStaleness)
            .Excluding(x => x.Breaker.PriceDropWindow)
            .Excluding(x => x.Throttle.VolumeParticipation)
            .Excluding(x => x.Scheduler.Seed));
        CascadeGuardOptionsValidator.Check(minute).Should().BeEmpty();
        CascadeGuardOptionsValidator.Check(sixMinutes).Should().BeEmpty();
    }

    [Fact]
    public void Feeds_quote_the_step_and_render_the_bids_every_basis_point()
    {
        using var w = new HandWorld([1m], [1m]);
        var feeds = new EngineFeeds(CascadeGuardPolicy.Collateral, CascadeGuardPolicy.Debt, CascadeGuardPolicy.Market);
        var now = Start.AddMinutes(7);
        feeds.Set(new StepContext(7, now, TimeSpan.FromMinutes(1), 2_048, 1.3, [], new AccountsView(w.Ledger), new MarketView(w.Market)));

        feeds.TryGetLatest(CascadeGuardPolicy.Collateral, out var collateral).Should().BeTrue();
        collateral.Should().Be(new PriceQuote(CascadeGuardPolicy.Collateral, 2_048, now));
        feeds.TryGetLatest(CascadeGuardPolicy.Debt, out var debt).Should().BeTrue();
        debt.Should().Be(new PriceQuote(CascadeGuardPolicy.Debt, 1.3, now));
        feeds.TryGetLatest(new AssetId(2), out _).Should().BeFalse();

        // The flat book holds 1,000 · δ units within δ of the price: 0.1 unit per 1 bp level, priced at the level's top.
        var bids = new BookLevel[CascadeGuardEngine.BookDepth];
        var asks = new BookLevel[CascadeGuardEngine.BookDepth];
        feeds.TryCopyBook(CascadeGuardPolicy.Market, bids, asks, out var copy).Should().BeTrue();
        copy.Should().Be(new OrderBookCopy(200, 1, now));
        bids[0].Price.Should().Be(2_048);
        bids[0].Size.Should().BeApproximately(0.1, 1e-12);
        bids[199].Price.Should().BeApproximately(2_048 * (1 - 0.0199), 1e-9);
        bids[199].Size.Should().BeApproximately(0.1, 1e-9);
        asks[0].Price.Should().Be(2_048 * (1 + 1e-6), "one ask a hair above the best bid makes the book valid");
        OrderBook.Validate(bids, asks.AsSpan(0, 1), BookSides.Both).Should().Be(BookRejection.None);
        feeds.TryCopyBook(new MarketId(1), bids, asks, out _).Should().BeFalse();
    }

    [Fact]
    public void A_partial_liquidation_is_sold_within_the_throttle_and_settled_alike_in_the_ledger_and_the_engine()
    {
        // 100 units owing 172,000: HF = 100 · 2,048 · 0.83 / 172,000 = 0.9883, within reach of a partial sale (it restores HF
        // 1.05 selling about 32 units, under the 50 % close factor). The first slice is the throttle's budget: a quarter of what
        // sells within 50 bps of the mid on average (calm market: no volatility, breaker normal, adaptive participation 1).
        using var w = new HandWorld([100m], [172_000m]);
        w.Step(0);

        // Depth within 50 bps: whole 0.1-unit levels at 2,048 · (1 − k·10⁻⁴) while the average stays at or above
        // mid · 0.995, with mid = (2,048 + 2,048 · (1 + 10⁻⁶)) / 2; then the part of the next level that keeps it there.
        var depth = DepthWithin(0.005);
        depth.Should().BeApproximately(10.099, 1e-3);
        var slice = decimal.Round((decimal)(0.25 * depth), 9, MidpointRounding.ToZero);

        // Sold at once on the flat book: average 2,048 · (1 − v / 2,000); proceeds rounded down; split by the engine's rule:
        // penalty ⌊proceeds · 0.05 / 1.05⌋, the rest repays.
        var average = (decimal)(2_048 * (1 - ((double)slice / 2_000)));
        var proceeds = decimal.Round(slice * average, 6, MidpointRounding.ToZero);
        var repaid = proceeds - decimal.Round(proceeds * 0.05m / 1.05m, 6, MidpointRounding.ToZero);
        w.Ledger.ExactCollateral(0).Should().Be(100m - slice);
        w.Ledger.ExactDebt(0).Should().Be(172_000m - repaid);
        w.Market.Mid.Should().BeApproximately(2_048 * (1 - ((double)slice / 1_000)), 1e-9);

        // The penalty stays with the platform (the ledger's insurance-fund party); no keeper is paid for a market sale.
        w.Ledger.CounterpartyStable(Counterparty.InsuranceFund).Should().Be(proceeds - repaid);
        w.Ledger.KeeperIncentives.Should().Be(0m);

        // The host reported the fill at proceeds / units, so the engine settled quantity × price = the proceeds (in double):
        // the same split (half the penalty to its insurance fund). The engine's product is a double, so when the penalty falls
        // exactly on a millionth (1 fill in 21) it can floor one millionth lower: the books agree to 10⁻⁶ per fill.
        var settled = (double)slice * (double)(proceeds / slice);
        var penalty = MoneyConversion.ToMoney(settled * 0.05 / (1 + 0.05), 0.000001m, SolvencyRounding.Pay);
        w.Engine.InsuranceFund.Balance.Should().Be(decimal.Round(penalty / 2, 6, MidpointRounding.ToZero));
        var (collateral, debt) = w.EnginePosition(0);
        collateral.Should().BeApproximately((double)(100m - slice), 1e-12);
        debt.Should().BeApproximately(172_000 - (settled - (double)penalty), 1e-9);
        debt.Should().BeApproximately((double)w.Ledger.ExactDebt(0), 1.1e-6);
        penalty.Should().BeInRange(proceeds - repaid - 0.000001m, proceeds - repaid);
        w.Engine.GetStatistics().MarketLiquidations.Should().Be(1);
        w.Ledger.CheckConservation().Should().Be((0m, 0m, 0m));
    }

    [Fact]
    public void An_auction_is_taken_by_the_keepers_and_its_shortfall_covered_as_the_engine_covered_it()
    {
        // 100 units owing 250,000: HF 0.68, no partial sale restores it, so the engine auctions the whole lot for
        // 250,000 · 1.05 from 2,048 · 1.2 = 2,457.6, × 0.99 every 90 s. The engine takes the account's positions out.
        using var w = new HandWorld([100m], [250_000m]);
        w.Step(0);
        w.Engine.GetStatistics().AuctionLiquidations.Should().Be(1);
        w.EnginePosition(0).Should().Be((0.0, 0.0));
        w.Ledger.ExactCollateral(0).Should().Be(100m, "the ledger keeps the lot until keepers take it");

        // Keepers take only below 2,048 · (1 − 0.005) = 2,037.76: after 19 cuts (2,457.6 · 0.99¹⁹ = 2,030.39), first at
        // minute 29 (1,740 s; 18 cuts at minute 28: 2,050.90).
        for (var t = 1; t <= 28; t++)
        {
            w.Step(t);
        }

        w.Ledger.ExactCollateral(0).Should().Be(100m);
        w.Step(29);
        var price = AuctionPriceCurve.StairStepExponential(0.99, TimeSpan.FromSeconds(90)).Price(2_457.6m, 0m, TimeSpan.FromMinutes(29), 8);
        price.Should().Be(2_030.39200994m);

        // κ·B(P / (1 − c)) on the untouched flat book, on the auction's 10⁻⁸ grid; paid ⌈q · P⌉; the engine's split.
        var quantity = decimal.Round((decimal)(0.5 * 1_000 * (1 - ((double)price / 0.995 / 2_048))), 8, MidpointRounding.ToZero);
        var paid = decimal.Round(quantity * price, 6, MidpointRounding.ToPositiveInfinity);
        var penalty = decimal.Round(paid * 0.05m / 1.05m, 6, MidpointRounding.ToZero);
        var repaid = paid - penalty;
        w.Ledger.ExactCollateral(0).Should().Be(100m - quantity);
        w.Ledger.ExactDebt(0).Should().Be(250_000m - repaid);
        w.Ledger.CounterpartyStable(Counterparty.InsuranceFund).Should().Be(paid - repaid, "the penalty is the platform's");
        w.Ledger.CounterpartyCollateral(Counterparty.AuctionTakers).Should().Be(0m, "keepers resold on the book at once");
        w.Engine.InsuranceFund.Balance.Should().Be(decimal.Round(penalty / 2, 6, MidpointRounding.ToZero));

        // The lot (at most ~2,048 · 100) cannot raise the 262,500 tab: keepers take more as the price falls until it runs out.
        var t2 = 30;
        for (; w.Ledger.ExactCollateral(0) > 0m && t2 < 120; t2++)
        {
            w.Step(t2);
        }

        w.Ledger.ExactCollateral(0).Should().Be(0m, "the lot ran out");
        var statistics = w.Engine.GetStatistics();
        var tab = MoneyConversion.ToMoney(250_000.0 * (1 + 0.05), 0.000001m, SolvencyRounding.Collect);
        statistics.Auctions.DebtStarted.Should().Be(tab);
        var shortfall = statistics.Auctions.Shortfall;
        shortfall.Should().Be(tab - statistics.Auctions.DebtRaised).And.BePositive();

        // The engine's waterfall ran the shortfall through its insurance fund (all it held: half of every take's penalty) and
        // socialized the rest. It reports the absorption at its next tick, where the host has the fund pay the ledger's debt
        // by as much (the ledger owes the unraised tab less its penalty, so the cover may exceed it: it is capped).
        var covered = w.Engine.InsuranceFund.TotalCovered;
        covered.Should().BePositive();
        statistics.BadDebt.Should().Be(shortfall - covered).And.BePositive("the fund held less than the shortfall");
        w.Engine.InsuranceFund.Balance.Should().Be(w.Engine.InsuranceFund.TotalInflows - covered, "what is left is the last take's penalty share, paid in after the cover");
        var debtBeforeCover = w.Ledger.ExactDebt(0);
        w.Recorder.InsuranceAbsorption.Should().Be(0, "the absorption reaches the host at the next tick");
        w.Step(t2);
        w.Recorder.InsuranceAbsorption.Should().BeApproximately((double)Math.Min(covered, debtBeforeCover), 1e-9);
        w.Ledger.ExactDebt(0).Should().Be(debtBeforeCover - Math.Min(covered, debtBeforeCover));
        w.Ledger.ExactDebt(0).Should().BePositive("what the fund could not cover is bad debt");
        w.Ledger.KeeperIncentives.Should().Be(0m, "the engine's auctions pay no tip or chip by default");
        w.Ledger.CheckConservation().Should().Be((0m, 0m, 0m));
    }

    [Fact]
    public void The_default_oracle_guard_rides_out_a_wick_and_the_book_check_a_sustained_spike()
    {
        // 100 units owing 150,000: HF 1.13 with the debt at 1, 0.87 with it at 1.30 (beyond a partial sale: an auction).
        using var wick = new HandWorld([100m], [150_000m]);
        double[] wickPath = [1, 1, 1, 1.3, 1.3, 1, 1, 1, 1, 1];
        for (var t = 0; t < wickPath.Length; t++)
        {
            wick.Step(t, wickPath[t]);
        }

        wick.Ledger.ExactCollateral(0).Should().Be(100m, "two deviating quotes are held (the second while stale), then the price is back");
        wick.Engine.GetStatistics().AuctionLiquidations.Should().Be(0);

        // Sustained for an hour: the guard confirms the jump after three quotes (one quote per asset is all the engine's
        // price feed carries), but the oracle ratio 2,048 / 1.3 = 1,575 is 23 % under the book's mid, beyond the engine's
        // 15 % oracle-book tolerance: nothing is liquidated while they disagree, and the account is healthy once it ends.
        using var sustained = new HandWorld([100m], [150_000m]);
        for (var t = 0; t < 70; t++)
        {
            sustained.Step(t, t is >= 3 and < 63 ? 1.3 : 1);
        }

        sustained.Ledger.ExactCollateral(0).Should().Be(100m);
        sustained.Engine.GetStatistics().AuctionLiquidations.Should().Be(0);
        sustained.Engine.GetStatistics().MarketLiquidations.Should().Be(0);
    }

    [Fact]
    public void Engine_and_ledger_hold_the_same_positions_through_a_falling_market()
    {
        // 300 accounts of 1–40 units at health factors 1.00–1.60 (seeded); the price falls 30 % over three hours on a book
        // whose depth is a fraction of the debt, so partial sales, throttling and auctions all happen.
        var random = new Random(11);
        var collateral = new decimal[300];
        var debt = new decimal[300];
        for (var i = 0; i < collateral.Length; i++)
        {
            collateral[i] = decimal.Round((decimal)(1 + (39 * random.NextDouble())), 9);
            debt[i] = decimal.Round(collateral[i] * 2_048m * 0.83m / (decimal)(1.0 + (0.6 * random.NextDouble())), 6);
        }

        using var w = new HandWorld(collateral, debt, depth: 20_000, halfLife: TimeSpan.FromMinutes(10));
        for (var t = 0; t < 360; t++)
        {
            w.Market.Advance(2_048 * Math.Pow(0.7, Math.Min(t, 180) / 180.0));
            w.Step(t);
        }

        var statistics = w.Engine.GetStatistics();
        statistics.MarketLiquidations.Should().BeGreaterThan(0);
        w.Recorder.CollateralSold.Should().BeGreaterThan(0);
        var compared = 0;
        for (var i = 0; i < collateral.Length; i++)
        {
            var (c, d) = w.EnginePosition(i);
            if (c == 0 && d == 0)
            {
                continue; // in an auction, or after one: the auction holds the lot, and its shortfall went down the waterfall
            }

            c.Should().BeApproximately((double)w.Ledger.ExactCollateral(i), 1e-8 + (1e-12 * c), $"account {i}: the engine auctions on a 10⁻⁸ grid, the ledger holds 10⁻⁹");
            d.Should().BeApproximately((double)w.Ledger.ExactDebt(i), 2e-5, $"account {i}: both books split every fill by the engine's rule, to 10⁻⁶ in one fill of 21");
            compared++;
        }

        compared.Should().BeGreaterThan(200);
        w.Ledger.CheckConservation().Should().Be((0m, 0m, 0m));
    }

    // What the engine's venue finds within a bound on the average price: walks the feed's 0.1-unit levels.
    private static double DepthWithin(double bound)
    {
        var mid = (2_048 + (2_048 * (1 + 1e-6))) / 2;
        var floor = mid * (1 - bound);
        double units = 0, notional = 0;
        for (var k = 0; k < 200; k++)
        {
            var price = 2_048 * (1 - (k * 1e-4));
            var size = 1_000 * 1e-4;
            if ((notional + (price * size)) / (units + size) >= floor)
            {
                units += size;
                notional += price * size;
                continue;
            }

            // Part of this level: (notional + p·y) / (units + y) = floor.
            return units + ((notional - (floor * units)) / (floor - price));
        }

        return units;
    }

    private sealed class HandWorld : IDisposable
    {
        private readonly CascadeGuardPolicy.Instance _policy;
        private readonly SimulationClock _clock = new(Start);
        private readonly TriggerIndex _index;

        public HandWorld(decimal[] collateral, decimal[] debt, double depth = 1_000, TimeSpan? halfLife = null)
        {
            var population = AccountPopulation.FromPositions(collateral, debt, 2_048);
            var protocol = new ProtocolParameters();
            Ledger = new Ledger(population, protocol.LiquidationThreshold);
            Market = ImpactMarket.WithImpact(new DepthProfile(1, depth), halfLife ?? TimeSpan.FromDays(1), TimeSpan.FromMinutes(1), 0, 2_048);
            _index = new TriggerIndex(Ledger);
            Recorder = new RunRecorder(Ledger.Count, 0.05) { ExogenousPrice = 2_048 };
            Actions = new LiquidationActions(Ledger, Market, _index, Recorder);
            _policy = new CascadeGuardPolicy.Instance(new PolicySetup(protocol, new AccountsView(Ledger), new MarketView(Market), _clock, Start, TimeSpan.FromMinutes(1), 1_440, 1));
        }

        public Ledger Ledger { get; }

        public ImpactMarket Market { get; }

        public RunRecorder Recorder { get; }

        public LiquidationActions Actions { get; }

        public CascadeGuardEngine Engine => _policy.Engine;

        public void Dispose() => _policy.Dispose();

        public void Step(int t, double debtOracle = 1)
        {
            _clock.Set(Start + TimeSpan.FromMinutes(t));
            var mid = Market.Mid;
            _index.Collect(mid / debtOracle);
            Recorder.BeginStep();
            _policy.OnStep(new StepContext(t, _clock.GetUtcNow(), TimeSpan.FromMinutes(1), mid, debtOracle, _index.Liquidatable, new AccountsView(Ledger), new MarketView(Market)), Actions);
        }

        public (double Collateral, double Debt) EnginePosition(int account)
        {
            Span<CollateralPosition> collateral = stackalloc CollateralPosition[2];
            Span<DebtPosition> debts = stackalloc DebtPosition[1];
            Engine.GetAccount(new AccountId(account), collateral, debts, out var n, out var k);
            double c = 0, d = 0;
            for (var i = 0; i < n; i++)
            {
                c += collateral[i].Asset == CascadeGuardPolicy.Collateral ? collateral[i].Quantity : 0;
            }

            for (var i = 0; i < k; i++)
            {
                d += debts[i].Amount;
            }

            return (c, d);
        }
    }
}
