using CascadeGuard.Simulation.Accounts;
using CascadeGuard.Simulation.Market;
using CascadeGuard.Simulation.Policies;
using CascadeGuard.Simulation.Population;
using CascadeGuard.Simulation.Runs;

namespace CascadeGuard.Tests.Simulation;

/// <summary>
/// The <c>auction</c> policy stepped by hand on a flat book (β = 1, 1,000 units between the price and zero, no permanent
/// impact, no refill) at 2,048, with binary-exact curve parameters, so every amount can be worked out on paper.
/// </summary>
public class AuctionPolicyTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Start at 1.25 × oracle, × 0.75 every minute; keepers' cost 25 %, κ = 0.5; limit: the bids within 50 % of 2,048
    // (500 units × 2,048 = 1,024,000); tip 300, chip 0.1 %.
    private static AuctionParameters Exact => new()
    {
        StartBuffer = 1.25m,
        Cut = 0.75,
        CutStep = TimeSpan.FromMinutes(1),
        MaxDuration = TimeSpan.FromHours(1),
        ResetDrawdown = 0.1m,
        IncentiveFlat = 300m,
        IncentiveRate = 0.001m,
        AssetLimitDepthDistance = 0.5,
        KeeperCost = 0.25,
        KeeperParticipation = 0.5,
    };

    [Fact]
    public void Worked_example_partial_take_then_lot_exhausted_then_heal()
    {
        // 100 units against 180,000 (liquidation price 180,000 / 83 = 2,168.67 > 2,048): liquidatable at step 0.
        var w = new HandWorld([100m], [180_000m], Exact);

        // Step 0: bark. Tab ⌈180,000 × 1.05⌉ = 189,000; start price 2,048 × 1.25 = 2,560; incentive 300 + 189 = 489,
        // paid by the surplus buffer (the insurance fund) to keepers.
        w.Step(0);
        w.Ledger.KeeperIncentives.Should().Be(489m);
        w.Ledger.CounterpartyStable(Counterparty.InsuranceFund).Should().Be(-489m);
        w.Ledger.ExactCollateral(0).Should().Be(100m);

        // Step 1: 2,560 × 0.75 = 1,920, not below the keepers' ceiling 2,048 × 0.75 = 1,536: nothing.
        w.Step(1);
        w.Ledger.ExactCollateral(0).Should().Be(100m);

        // Step 2: 1,440 < 1,536. P_k = 1,440 / 0.75 = 1,920, B = 1,000 · (1 − 1,920/2,048) = 62.5, κ·B = 31.25 units for
        // 31.25 × 1,440 = 45,000. Repaid ⌊45,000 / 1.05⌋ = 42,857.142857; the penalty 2,142.857143 goes to the buffer.
        // Keepers resell the 31.25 units at once: the mid falls to 2,048 · (1 − 0.03125) = 1,984.
        w.Step(2);
        w.Ledger.ExactCollateral(0).Should().Be(68.75m);
        w.Ledger.ExactDebt(0).Should().Be(137_142.857143m);
        w.Ledger.CounterpartyStable(Counterparty.InsuranceFund).Should().Be(-489m + 2_142.857143m);
        w.Ledger.CounterpartyCollateral(Counterparty.AuctionTakers).Should().Be(0m, "keepers resold what they bought");
        w.Market.Mid.Should().Be(1_984);

        // Step 3: 1,080 < 1,984 × 0.75 = 1,488. P_k = 1,440: B = 1,000 · (1 − 1,440/2,048) − 31.25 = 265.625, κ·B = 132.8125,
        // more than the 68.75 left: the whole lot for 74,250, short of the 144,000 tab left (69,750 to the shortfall sink).
        // Repaid ⌊74,250 / 1.05⌋ = 70,714.285714, penalty 3,535.714286; 66,428.571429 owed with no collateral. Heal: the
        // buffer pays all it holds, −489 + 2,142.857143 + 3,535.714286 = 5,189.571429; 61,239 stays as bad debt.
        w.Step(3);
        w.Ledger.ExactCollateral(0).Should().Be(0m);
        w.Ledger.ExactDebt(0).Should().Be(61_239m);
        w.Recorder.InsuranceAbsorption.Should().BeApproximately(5_189.571429, 1e-9);
        w.Ledger.CounterpartyStable(Counterparty.InsuranceFund).Should().Be(0m);
        w.Ledger.KeeperIncentives.Should().Be(489m, "the tip and chip are the keepers' only incentive; the penalty went to the buffer");
        w.Market.Mid.Should().BeApproximately(1_843.2, 1e-9); // 100 units sold in all: 2,048 · (1 − 0.1)
        w.Recorder.CollateralSold.Should().Be(100);
        w.Recorder.Liquidations.Should().Be(2);
        w.Ledger.CheckConservation().Should().Be((0m, 0m, 0m));
    }

    [Fact]
    public void A_starting_surplus_covers_the_shortfall_it_can()
    {
        var w = new HandWorld([100m], [180_000m], Exact with { InitialSurplus = 100_000m });
        w.Steps(4);
        w.Ledger.ExactDebt(0).Should().Be(0m);
        w.Recorder.InsuranceAbsorption.Should().BeApproximately(66_428.571429, 1e-9);
        w.Ledger.CounterpartyStable(Counterparty.InsuranceFund).Should().Be(-61_239m, "it drew on the 100,000 it had before the run");
        w.Ledger.CheckConservation().Should().Be((0m, 0m, 0m));
    }

    [Fact]
    public void An_auction_that_raises_its_tab_returns_the_rest_of_the_lot()
    {
        // Debt 169,984 = 2,048 · 100 · 0.83: liquidatable exactly at 2,048. Tab 178,483.2. Start at the oracle (buffer 1),
        // × 0.873046875 a minute: 2,048 then 1,788. Keepers' cost 12.5 %: ceiling 1,792 — 2,048 is not below it, 1,788 is.
        // The book is deep (A = 100,000): demand ≈ 111.6 > 100, so keepers buy all they need: exactly the tab, for
        // ⌊178,483.2 / 1,788⌋ = 99.822818791 units; 0.177181209 stay with the borrower. ⌊178,483.2 / 1.05⌋ = 169,984
        // repays the debt in full and the penalty is exactly 5 % of it, 8,499.2.
        var parameters = Exact with { StartBuffer = 1m, Cut = 0.873046875, KeeperCost = 0.125 };
        var w = new HandWorld([100m], [169_984m], parameters, depth: 100_000);
        w.Step(0);
        w.Ledger.ExactCollateral(0).Should().Be(100m);
        w.Step(1);
        w.Ledger.ExactCollateral(0).Should().Be(0.177181209m);
        w.Ledger.ExactDebt(0).Should().Be(0m);
        w.Ledger.Cash(0).Should().Be(0m);
        w.Ledger.CounterpartyStable(Counterparty.InsuranceFund).Should().Be(8_499.2m - (300m + 178.4832m));
        w.Ledger.IsOpen(0).Should().BeFalse();
        w.Ledger.CheckConservation().Should().Be((0m, 0m, 0m));
    }

    [Fact]
    public void Keepers_together_take_at_most_their_share_of_the_depth_in_a_step()
    {
        // Two identical accounts in the same cohort (same price): the first takes κ·B = 31.25 units; for the second,
        // κ·(B' + S) − S = 0.5 · (31.25 + 31.25) − 31.25 = 0. Without the S terms it would take another 15.625.
        var w = new HandWorld([100m, 100m], [180_000m, 180_000m], Exact);
        w.Steps(3);
        w.Ledger.ExactCollateral(0).Should().Be(68.75m);
        w.Ledger.ExactCollateral(1).Should().Be(100m);
        w.Ledger.KeeperIncentives.Should().Be(978m, "two auctions started");
    }

    [Fact]
    public void Keepers_take_the_deepest_discount_first()
    {
        // Account 0 (10 units, 18,000) starts at step 0 from 2,048: 2,560, 1,920, 1,440 at step 2. Account 1 (1,000 units,
        // 1,000,000; liquidation price 1,204.8) is listed at step 2 when the oracle reads 1,075.2 and starts at 1,344.
        // Both are below the ceiling 1,536; keepers (κ = 1) take account 1 first: P_k = 1,344 / 0.75 = 1,792,
        // B = 1,000 · (1 − 1,792/2,048) = 125 units, which takes the book down to 1,792 — at or below account 0's
        // break-even 1,440 / 0.75 = 1,920, so account 0 gets nothing.
        var w = new HandWorld([10m, 1_000m], [18_000m, 1_000_000m], Exact with { KeeperParticipation = 1, AssetLimitDepthDistance = 0.9 });
        w.Step(0);
        w.Step(1);
        w.Step(2, oracle: 1_075.2);
        w.Ledger.ExactCollateral(1).Should().Be(875m);
        w.Ledger.ExactCollateral(0).Should().Be(10m);
        w.Market.Mid.Should().Be(1_792);
    }

    [Theory]
    [InlineData(0.0625, 2.5, 600 + 128)]     // ilk.hole: 62.5 units within 6.25 % × 2,048 = 128,000 (Hole 320,000)
    [InlineData(0.0625, 0.5, 600 + 64)]      // Hole = 0.5 × 128,000 = 64,000 binds first
    [InlineData(0.5, 2.5, 600 + 189 + 18.9)] // room for both tabs, 189,000 + 18,900
    public void The_limits_on_debt_in_auction_start_only_what_fits(double depthDistance, double globalRatio, double incentives)
    {
        // Tabs 189,000 and 18,900 (liquidation prices 2,168.67, equal but for the last bit). Both start: one in full, the
        // other with the part of its tab that fits. The incentives, 2 × 300 + 0.1 % of the debt started, show that exactly
        // the tighter limit was started; nothing more starts while nothing finishes.
        var w = new HandWorld([100m, 10m], [180_000m, 18_000m], Exact with { AssetLimitDepthDistance = depthDistance, GlobalLimitRatio = (decimal)globalRatio, KeeperCost = 0.99 });
        w.Step(0);
        w.Ledger.KeeperIncentives.Should().Be((decimal)incentives);
        w.Step(1);
        w.Ledger.KeeperIncentives.Should().Be((decimal)incentives, "nothing has finished, so nothing more starts");
    }

    [Theory]
    [InlineData(2, 0.1)]  // tail: 3 minutes old > 2
    [InlineData(60, 0.5)] // cusp: 2,560 × 0.75³ = 1,080 < 0.5 × 1.25 × 2,048 = 1,280 (1,440 at step 2 is not)
    public void Auctions_too_old_or_too_cheap_are_reset_and_pay_the_incentive_again(int tailMinutes, double cusp)
    {
        var parameters = Exact with { MaxDuration = TimeSpan.FromMinutes(tailMinutes), ResetDrawdown = (decimal)cusp, KeeperCost = 0.99 };
        var w = new HandWorld([100m], [180_000m], parameters);
        w.Steps(3);
        w.Ledger.KeeperIncentives.Should().Be(489m);
        w.Step(3);
        w.Ledger.KeeperIncentives.Should().Be(978m);
        w.Ledger.ExactCollateral(0).Should().Be(100m, "keepers with a 99 % cost never take");
    }

    // Each bad value with the field its error must name.
    private static readonly Dictionary<string, (string Field, AuctionParameters Parameters)> BadCases = new()
    {
        ["buffer 0"] = ("StartBuffer", new AuctionParameters { StartBuffer = 0m }),
        ["cut 1"] = ("cut", new AuctionParameters { Cut = 1 }),
        ["step 0"] = ("step", new AuctionParameters { CutStep = TimeSpan.Zero }),
        ["tail 0"] = ("MaxDuration", new AuctionParameters { MaxDuration = TimeSpan.Zero }),
        ["cusp 1.5"] = ("ResetDrawdown", new AuctionParameters { ResetDrawdown = 1.5m }),
        ["tip −1"] = ("IncentiveFlat", new AuctionParameters { IncentiveFlat = -1m }),
        ["tip 10⁻⁷"] = ("IncentiveFlat", new AuctionParameters { IncentiveFlat = 0.0000001m }),
        ["chip 2"] = ("IncentiveRate", new AuctionParameters { IncentiveRate = 2m }),
        ["limit distance 0"] = ("AssetLimitDepthDistance", new AuctionParameters { AssetLimitDepthDistance = 0 }),
        ["limit distance NaN"] = ("AssetLimitDepthDistance", new AuctionParameters { AssetLimitDepthDistance = double.NaN }),
        ["global ratio 0"] = ("GlobalLimitRatio", new AuctionParameters { GlobalLimitRatio = 0m }),
        ["keeper cost 1"] = ("KeeperCost", new AuctionParameters { KeeperCost = 1 }),
        ["participation 0"] = ("KeeperParticipation", new AuctionParameters { KeeperParticipation = 0 }),
        ["surplus −1"] = ("InitialSurplus", new AuctionParameters { InitialSurplus = -1m }),
    };

    public static TheoryData<string> BadParameters => new(BadCases.Keys);

    [Theory]
    [MemberData(nameof(BadParameters))]
    public void Bad_parameters_are_refused_naming_the_field(string badCase)
    {
        var (field, parameters) = BadCases[badCase];
        var act = () => new AuctionPolicy(parameters);
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(field);
    }

    /// <summary>One world driven step by step; the book only moves when sold into (no refill, no exogenous move).</summary>
    private sealed class HandWorld
    {
        private readonly ILiquidationPolicy _policy;
        private readonly SimulationClock _clock = new(Start);
        private readonly TriggerIndex _index;

        public HandWorld(decimal[] collateral, decimal[] debt, AuctionParameters parameters, double depth = 1_000)
        {
            var population = AccountPopulation.FromPositions(collateral, debt, 2_048);
            var protocol = new ProtocolParameters();
            Ledger = new Ledger(population, protocol.LiquidationThreshold);
            Market = ImpactMarket.WithImpact(new DepthProfile(1, depth), TimeSpan.FromDays(1), TimeSpan.FromMinutes(1), 0, 2_048);
            _index = new TriggerIndex(Ledger);
            Recorder = new RunRecorder(Ledger.Count, 0.05) { ExogenousPrice = 2_048 };
            Actions = new LiquidationActions(Ledger, Market, _index, Recorder);
            _policy = new AuctionPolicy(parameters).Create(new PolicySetup(protocol, new AccountsView(Ledger), new MarketView(Market), _clock, Start, TimeSpan.FromMinutes(1), 100, 1));
        }

        public Ledger Ledger { get; }

        public ImpactMarket Market { get; }

        public RunRecorder Recorder { get; }

        public LiquidationActions Actions { get; }

        public void Step(int t, double? oracle = null)
        {
            _clock.Set(Start + TimeSpan.FromMinutes(t));
            var collateralOracle = oracle ?? Market.Mid;
            _index.Collect(collateralOracle);
            Recorder.BeginStep();
            _policy.OnStep(new StepContext(t, _clock.GetUtcNow(), TimeSpan.FromMinutes(1), collateralOracle, 1, _index.Liquidatable, new AccountsView(Ledger), new MarketView(Market)), Actions);
        }

        public void Steps(int count)
        {
            for (var t = 0; t < count; t++)
            {
                Step(t);
            }
        }
    }
}
