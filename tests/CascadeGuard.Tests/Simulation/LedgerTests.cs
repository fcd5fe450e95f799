using CascadeGuard.Simulation.Accounts;
using CascadeGuard.Simulation.Market;
using CascadeGuard.Simulation.Policies;
using CascadeGuard.Simulation.Population;
using CsCheck;

namespace CascadeGuard.Tests.Simulation;

public class LedgerTests
{
    [Fact]
    public void Partial_liquidation_splits_proceeds_into_repayment_and_penalty()
    {
        // 10 units against 16,000 at a price of 1,900 (trigger 16,000 / (10 · 0.83) = 1,927.71).
        var (ledger, _, _, recorder, actions) = SimulationFixtures.Hand([10m], [16_000m], 1_900, new MarketParameters { Feedback = false });
        var sale = actions.Sell(0, 4, 0.05);

        // Proceeds 7,600; repaid ⌊7,600 / 1.05⌋ = 7,238.095238; penalty the remainder.
        sale.Settlement.Proceeds.Should().Be(7_600m);
        sale.Settlement.Repaid.Should().Be(7_238.095238m);
        sale.Settlement.Penalty.Should().Be(361.904762m);
        sale.Settlement.Refund.Should().Be(0m);
        ledger.ExactCollateral(0).Should().Be(6m);
        ledger.ExactDebt(0).Should().Be(8_761.904762m);
        ledger.CheckConservation().Should().Be((0m, 0m, 0m));

        // No slippage at infinite depth: the borrower loses exactly the penalty.
        recorder.BorrowerLoss.Should().BeApproximately(361.904762, 1e-6);
    }

    [Fact]
    public void Full_repayment_caps_the_penalty_and_refunds_the_rest()
    {
        var (ledger, _, _, _, actions) = SimulationFixtures.Hand([10m], [16_000m], 1_900, new MarketParameters { Feedback = false });
        var sale = actions.Sell(0, 10, 0.05);
        sale.Settlement.Proceeds.Should().Be(19_000m);
        sale.Settlement.Repaid.Should().Be(16_000m);
        sale.Settlement.Penalty.Should().Be(800m);
        sale.Settlement.Refund.Should().Be(2_200m);
        ledger.Cash(0).Should().Be(2_200m);
        ledger.IsOpen(0).Should().BeFalse();
        ledger.CheckConservation().Should().Be((0m, 0m, 0m));
    }

    [Fact]
    public void Engine_rule_takes_the_proportional_penalty_first_and_refunds_what_exceeds_the_debt()
    {
        // CascadeGuard's engine splits proceeds G into the penalty ⌊G · 0.05 / 1.05⌋ and a repayment, uncapped.
        // 4 units at 1,900: G = 7,600, penalty ⌊361.9047619…⌋ = 361.904761, repaid 7,238.095239 (one millionth more than
        // the protocol rule's ⌊7,600 / 1.05⌋ = 7,238.095238).
        var (ledger, _, _, _, actions) = SimulationFixtures.Hand([10m, 10m], [16_000m, 5_000m], 1_900, new MarketParameters { Feedback = false });
        var sale = actions.Sell(0, 4, 0.05, 0, Counterparty.InsuranceFund, SettlementRule.Engine);
        sale.Settlement.Penalty.Should().Be(361.904761m);
        sale.Settlement.Repaid.Should().Be(7_238.095239m);
        ledger.ExactDebt(0).Should().Be(8_761.904761m);
        actions.Balance(Counterparty.InsuranceFund).Should().Be(361.904761m, "the penalty went to the party named, not to keepers");
        ledger.KeeperIncentives.Should().Be(0m);

        // All 10 units of account 1 (owing 5,000): G = 19,000, penalty 904.761904 (not capped at 5 % of the debt, 250),
        // repaid 5,000, refunded 13,095.238096.
        var full = actions.Sell(1, 10, 0.05, 0, Counterparty.InsuranceFund, SettlementRule.Engine);
        full.Settlement.Penalty.Should().Be(904.761904m);
        full.Settlement.Repaid.Should().Be(5_000m);
        full.Settlement.Refund.Should().Be(13_095.238096m);
        ledger.Cash(1).Should().Be(13_095.238096m);
        ledger.CheckConservation().Should().Be((0m, 0m, 0m));
    }

    [Fact]
    public void Insolvent_account_keeps_its_remaining_debt_as_bad_debt()
    {
        var (ledger, _, _, recorder, actions) = SimulationFixtures.Hand([10m], [16_000m], 1_500, new MarketParameters { Feedback = false });
        var sale = actions.Sell(0, 10, 0.05);
        sale.Settlement.LeftBadDebt.Should().BeTrue();
        sale.Settlement.Repaid.Should().Be(14_285.714285m); // ⌊15,000 / 1.05⌋
        ledger.ExactDebt(0).Should().Be(1_714.285715m);
        recorder.RealizedBadDebt.Should().BeApproximately(1_714.285715, 1e-6);
        actions.Cover(0, 2_000, Counterparty.InsuranceFund).Should().Be(1_714.285715m);
        recorder.RealizedBadDebt.Should().BeApproximately(0, 1e-9);
        recorder.InsuranceAbsorption.Should().BeApproximately(1_714.285715, 1e-6);
        ledger.CheckConservation().Should().Be((0m, 0m, 0m));
    }

    [Fact]
    public void Every_action_conserves_collateral_and_debt_exactly()
    {
        // Random sequences of sales, transfers (by price or exact, penalty to keepers or a fund), counterparty resales,
        // incentives and covers on a book with impact.
        Gen.Select(Gen.Int[0, 9], Gen.Double[0, 3], Gen.Int[0, 6], Gen.Double[0.5, 1.5]).Array[1, 40].Sample(ops =>
        {
            var collateral = Enumerable.Range(1, 10).Select(i => 1.5m * i).ToArray();
            var debt = Enumerable.Range(1, 10).Select(i => 2_000m * i).ToArray();
            var (ledger, market, _, _, actions) = SimulationFixtures.Hand(collateral, debt, 1_500, new MarketParameters { DebtToDepth = 2 });
            foreach (var (account, units, kind, price) in ops)
            {
                switch (kind)
                {
                    case 0:
                        if (account % 2 == 0)
                        {
                            actions.Sell(account, units, 0.05);
                        }
                        else
                        {
                            actions.Sell(account, units, 0.05, 0, Counterparty.InsuranceFund, SettlementRule.Engine);
                        }

                        break;
                    case 1:
                        if (ledger.ExactCollateral(account) > 0m)
                        {
                            actions.Transfer(account, units, 1_500 * price, 0.03, (Counterparty)(account % 3));
                        }

                        break;
                    case 2:
                        actions.SellHeld((Counterparty)(account % 3), units, 0);
                        break;
                    case 3:
                        actions.Cover(account, units * 1_000, Counterparty.InsuranceFund);
                        break;
                    case 4:
                        var exact = Math.Min(ledger.ExactCollateral(account), decimal.Round((decimal)units, 9));
                        if (exact > 0m)
                        {
                            var paid = decimal.Round(exact * (decimal)(1_500 * price), 6, MidpointRounding.ToPositiveInfinity);
                            actions.TransferExact(account, exact, paid, 0.05, Counterparty.AuctionTakers, account % 2 == 0 ? Counterparty.InsuranceFund : null, account % 3 == 0 ? SettlementRule.Engine : SettlementRule.Protocol);
                        }

                        break;
                    case 5:
                        actions.PayIncentive(decimal.Round((decimal)(units * 100), 6), Counterparty.InsuranceFund);
                        break;
                    default:
                        actions.CoverExact(account, decimal.Round((decimal)(units * 1_000), 6), Counterparty.InsuranceFund);
                        break;
                }

                market.Advance(1_500 * price);
            }

            return ledger.CheckConservation() == (0m, 0m, 0m);
        }, iter: 2_000);
    }

    [Theory]
    [InlineData(-1, 1.0, 0.05)]
    [InlineData(3, 1.0, 0.05)]
    [InlineData(0, double.NaN, 0.05)]
    [InlineData(0, -1.0, 0.05)]
    [InlineData(0, 1.0, 1.0)]
    [InlineData(0, 1.0, -0.01)]
    public void Bad_requests_are_refused_and_change_nothing(int account, double units, double penalty)
    {
        var (ledger, market, _, _, actions) = SimulationFixtures.Hand([10m, 5m, 1m], [16_000m, 1m, 1m], 1_900);
        var mid = market.Mid;
        var act = () => actions.Sell(account, units, penalty);
        act.Should().Throw<ArgumentOutOfRangeException>();
        ledger.ExactCollateral(0).Should().Be(10m);
        ledger.ExactDebt(0).Should().Be(16_000m);
        market.Mid.Should().Be(mid);
    }

    [Fact]
    public void Exact_transfer_can_send_the_penalty_to_a_fund_that_then_pays_keepers()
    {
        // An auction take fixed elsewhere: 4 units for exactly 7,600. Repaid ⌊7,600 / 1.05⌋ = 7,238.095238; the penalty
        // 361.904762 goes to the insurance fund (MakerDAO's surplus buffer), not to keepers.
        var (ledger, _, _, recorder, actions) = SimulationFixtures.Hand([10m], [16_000m], 1_900, new MarketParameters { Feedback = false });
        var sale = actions.TransferExact(0, 4m, 7_600m, 0.05, Counterparty.AuctionTakers, Counterparty.InsuranceFund);
        sale.Settlement.Repaid.Should().Be(7_238.095238m);
        sale.Settlement.Penalty.Should().Be(361.904762m);
        sale.AveragePrice.Should().Be(1_900);
        ledger.KeeperIncentives.Should().Be(0m);
        actions.Balance(Counterparty.InsuranceFund).Should().Be(361.904762m);
        ledger.CounterpartyStable(Counterparty.AuctionTakers).Should().Be(-7_600m);
        ledger.CounterpartyCollateral(Counterparty.AuctionTakers).Should().Be(4m);
        recorder.Liquidations.Should().Be(1);

        // The fund pays a keeper incentive (tip + chip): it counts as keeper incentives, and the fund may go negative.
        actions.PayIncentive(400.5m, Counterparty.InsuranceFund);
        ledger.KeeperIncentives.Should().Be(400.5m);
        actions.Balance(Counterparty.InsuranceFund).Should().Be(-38.595238m);

        // Covering exactly: 0.000001 of debt.
        actions.CoverExact(0, 0.000001m, Counterparty.InsuranceFund).Should().Be(0.000001m);
        ledger.ExactDebt(0).Should().Be(8_761.904761m);
        ledger.CheckConservation().Should().Be((0m, 0m, 0m));
    }

    private static readonly (string Name, Action<LiquidationActions> Request)[] BadExactCases =
    [
        ("units", a => a.TransferExact(0, 0m, 1m, 0.05, Counterparty.AuctionTakers, null)),
        ("units", a => a.TransferExact(0, 10.5m, 1m, 0.05, Counterparty.AuctionTakers, null)),
        ("units", a => a.TransferExact(0, 0.0000000001m, 1m, 0.05, Counterparty.AuctionTakers, null)),
        ("proceeds", a => a.TransferExact(0, 1m, -1m, 0.05, Counterparty.AuctionTakers, null)),
        ("proceeds", a => a.TransferExact(0, 1m, 0.0000001m, 0.05, Counterparty.AuctionTakers, null)),
        ("penaltyRate", a => a.TransferExact(0, 1m, 1m, 1.0, Counterparty.AuctionTakers, null)),
        ("party", a => a.TransferExact(0, 1m, 1m, 0.05, (Counterparty)7, null)),
        ("party", a => a.TransferExact(0, 1m, 1m, 0.05, Counterparty.AuctionTakers, (Counterparty)(-1))),
        ("account", a => a.TransferExact(3, 1m, 1m, 0.05, Counterparty.AuctionTakers, null)),
        ("amount", a => a.PayIncentive(-1m, Counterparty.InsuranceFund)),
        ("amount", a => a.PayIncentive(0.0000001m, Counterparty.InsuranceFund)),
        ("party", a => a.PayIncentive(1m, (Counterparty)3)),
        ("amount", a => a.CoverExact(0, -1m, Counterparty.InsuranceFund)),
        ("amount", a => a.CoverExact(0, 0.0000001m, Counterparty.InsuranceFund)),
        ("party", a => a.Balance((Counterparty)9)),
        ("party", a => a.Sell(0, 1, 0.05, 0, (Counterparty)5)),
        ("rule", a => a.Sell(0, 1, 0.05, 0, null, (SettlementRule)2)),
        ("rule", a => a.TransferExact(0, 1m, 1m, 0.05, Counterparty.AuctionTakers, null, (SettlementRule)(-1))),
    ];

    public static TheoryData<int> BadExactRequests => new(Enumerable.Range(0, BadExactCases.Length));

    [Theory]
    [MemberData(nameof(BadExactRequests))]
    public void Bad_exact_requests_are_refused_naming_the_argument_and_change_nothing(int badCase)
    {
        var (name, request) = BadExactCases[badCase];
        var (ledger, market, _, recorder, actions) = SimulationFixtures.Hand([10m, 5m, 1m], [16_000m, 1m, 1m], 1_900);
        var mid = market.Mid;
        var act = () => request(actions);
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(name);
        ledger.ExactCollateral(0).Should().Be(10m);
        ledger.ExactDebt(0).Should().Be(16_000m);
        ledger.KeeperIncentives.Should().Be(0m);
        ledger.CounterpartyStable(Counterparty.InsuranceFund).Should().Be(0m);
        recorder.Liquidations.Should().Be(0);
        market.Mid.Should().Be(mid);
    }

    [Fact]
    public void Liquidation_price_matches_the_library_margin_calculation()
    {
        var population = AccountPopulation.Generate(new PopulationParameters { Accounts = 300 }, 2000, 0.83, 3);
        var ledger = new Ledger(population, 0.83);
        var table = new CascadeGuard.Margin.RiskParameterTable([new ProtocolParameters().RiskParameters, null]);
        for (var i = 0; i < ledger.Count; i++)
        {
            var price = CascadeGuard.Margin.MarginCalculator.LiquidationPrice(
                [new(new(0), ledger.Collateral(i))], [new(new(1), ledger.Debt(i))], [2000.0, 1.0], table, new(0));
            ledger.Triggers[i].Should().BeApproximately(price.Below, price.Below * 1e-12);
        }
    }
}
