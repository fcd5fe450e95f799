using CascadeGuard.Ledgers;
using CascadeGuard.Ledgers.BufferPools;
using CascadeGuard.Ledgers.Insurance;
using CascadeGuard.Ledgers.Waterfall;
using CascadeGuard.Primitives;
using static CascadeGuard.Tests.Ledgers.BufferPools.PoolTestKit;
using static CascadeGuard.Tests.Ledgers.Waterfall.WaterfallRig;

namespace CascadeGuard.Tests.Ledgers.Waterfall;

public class LossWaterfallTests
{
    private static readonly AccountId Bankrupt = new(42);

    /// <summary>Fund holding 400 above a 100 floor (300 available); one pool with 500 deposits and a 100 minimum (400 absorbable).</summary>
    private static WaterfallRig Funded(FinalLossPolicy policy = FinalLossPolicy.Socialize)
    {
        var rig = new WaterfallRig(policy);
        rig.Fund.Contribute(NextId(), 400m, InsuranceInflow.Contribution);
        rig.Pool.Deposit(NextId(), Bob, 500m);
        return rig;
    }

    private static AdlCandidate[] Candidates() =>
    [
        new(new AccountId(10), 0.5, 10, 100m), // score 5
        new(new AccountId(11), 1.0, 3, 500m), // score 3
        new(new AccountId(9), 0.2, 25, 40m), // score 5, lower account: first
        new(new AccountId(12), -0.5, 64, 70m), // losing: ranked last (score −0.5/64)
    ];

    [Fact]
    public void Worked_example_every_step_in_order_and_the_steps_add_up()
    {
        var rig = Funded();

        // 880 short: 100 from the account's other collateral, 50 waived penalty, 300 insurance (400 − floor 100);
        // 430 remain, less than the pool's 500, so the pool keeps its minimum 100 and burns 400; 30 socialized.
        // 100 + 50 + 300 + 400 + 30 = 880.
        var r = rig.Waterfall.Absorb(new ShortfallRequest(NextId(), Bankrupt, M1, 880m, accountCollateral: 100m, penalty: 50m));
        r.Outcome.Should().Be(LedgerOutcome.Applied);
        (r.ByAccountCollateral, r.ByPenalty, r.ByInsuranceFund, r.ByBufferPools, r.ByAutoDeleveraging, r.BySocialization, r.Unabsorbed)
            .Should().Be((100m, 50m, 300m, 400m, 0m, 30m, 0m));
        (r.ByAccountCollateral + r.ByPenalty + r.ByInsuranceFund + r.ByBufferPools + r.ByAutoDeleveraging + r.BySocialization + r.Unabsorbed).Should().Be(r.Shortfall);

        rig.Fund.Balance.Should().Be(100m);
        rig.Pool.TotalDeposits.Should().Be(100m);
        rig.Pool.GetDeposit(Bob).Should().Be(100m);
        rig.Waterfall.GetSocializedLoss(M1).Should().Be(30m);
        rig.Waterfall.GetTotal(WaterfallStep.BufferPools).Should().Be(400m);
        rig.Waterfall.TotalShortfall.Should().Be(880m);
        rig.Replayed().Should().Be(rig.State);

        // A second shortfall larger than the whole pool empties it exactly (a new epoch), rather than stopping at the minimum.
        r = rig.Waterfall.Absorb(new ShortfallRequest(NextId(), Bankrupt, M1, 250m));
        (r.ByInsuranceFund, r.ByBufferPools, r.BySocialization).Should().Be((0m, 100m, 150m));
        rig.Pool.Epoch.Should().Be(1);
        rig.Replayed().Should().Be(rig.State);
    }

    [Fact]
    public void A_shortfall_the_account_covers_itself_never_reaches_the_fund()
    {
        var rig = Funded();
        var r = rig.Waterfall.Absorb(new ShortfallRequest(NextId(), Bankrupt, M1, 80m, accountCollateral: 60m, penalty: 50m));
        (r.ByAccountCollateral, r.ByPenalty, r.ByInsuranceFund).Should().Be((60m, 20m, 0m));
        rig.Fund.Balance.Should().Be(400m);
        rig.Fund.Journal.Should().ContainSingle();
    }

    [Fact]
    public void Auto_deleveraging_takes_the_highest_ranked_positions_first()
    {
        var rig = Funded(FinalLossPolicy.AutoDeleverage);
        var candidates = Candidates();
        var allocations = new AdlAllocation[candidates.Length];

        // After 300 insurance and the whole pool (650 ≥ its 500: emptied), 150 remain: account 9 (score 5) 40,
        // account 10 (score 5) 100, account 11 (score 3) 10.
        var r = rig.Waterfall.Absorb(new ShortfallRequest(NextId(), Bankrupt, M1, 950m), candidates, allocations);
        (r.ByInsuranceFund, r.ByBufferPools, r.ByAutoDeleveraging, r.BySocialization, r.Unabsorbed).Should().Be((300m, 500m, 150m, 0m, 0m));
        allocations[..r.AdlAllocations].Select(a => (a.Account.Value, a.Amount)).Should().Equal((9, 40m), (10, 100m), (11, 10m));
    }

    [Theory]
    [InlineData(FinalLossPolicy.AutoDeleverage, 0, 40)]
    [InlineData(FinalLossPolicy.AutoDeleverageThenSocialize, 40, 0)]
    public void What_deleveraging_cannot_cover_is_socialized_or_recorded_as_bad_debt(FinalLossPolicy policy, int socialized, int unabsorbed)
    {
        var rig = Funded(policy);
        var candidates = Candidates();
        var allocations = new AdlAllocation[candidates.Length];

        // 1550 − 300 − 500 = 750 left; the candidates can give 40 + 100 + 500 + 70 (the loser, last) = 710; 40 remain.
        var r = rig.Waterfall.Absorb(new ShortfallRequest(NextId(), Bankrupt, M1, 1_550m), candidates, allocations);
        (r.ByAutoDeleveraging, r.BySocialization, r.Unabsorbed).Should().Be((710m, (decimal)socialized, (decimal)unabsorbed));
        rig.Waterfall.GetTotal(WaterfallStep.Unabsorbed).Should().Be(unabsorbed);
    }

    [Fact]
    public void A_repeat_has_no_effect_anywhere_and_returns_the_original_result()
    {
        var rig = Funded(FinalLossPolicy.AutoDeleverage);
        var id = NextId();
        var request = new ShortfallRequest(id, Bankrupt, M1, 950m);
        var candidates = Candidates();
        var first = rig.Waterfall.Absorb(request, candidates, new AdlAllocation[4]);
        var state = rig.State;
        var allocations = new AdlAllocation[4];
        var again = rig.Waterfall.Absorb(request, candidates, allocations);
        again.Outcome.Should().Be(LedgerOutcome.Duplicate);
        (again.Sequence, again.ByInsuranceFund, again.ByBufferPools, again.ByAutoDeleveraging, again.AdlAllocations)
            .Should().Be((first.Sequence, first.ByInsuranceFund, first.ByBufferPools, first.ByAutoDeleveraging, first.AdlAllocations));
        allocations[..again.AdlAllocations].Select(a => a.Amount).Should().Equal(40m, 100m, 10m);
        rig.State.Should().Be(state);
        rig.Waterfall.Absorb(new ShortfallRequest(id, Bankrupt, M1, 951m)).Rejection.Should().Be(LedgerRejection.IdReused);
        rig.State.Should().Be(state);
    }

    [Fact]
    public void Is_atomic_a_refused_pool_step_leaves_the_fund_untouched()
    {
        var rig = Funded();
        var id = NextId();

        // Someone already used the id the waterfall would give the pools' part.
        rig.Pools.Absorb(new AbsorptionRequest(id.Derive(2), M1, Bankrupt, Usd, 1m, []), []);
        var state = rig.State;
        var r = rig.Waterfall.Absorb(new ShortfallRequest(id, Bankrupt, M1, 1_000m));
        (r.Outcome, r.Rejection).Should().Be((LedgerOutcome.Rejected, LedgerRejection.IdReused));
        rig.State.Should().Be(state);
    }

    [Fact]
    public void A_refused_penalty_split_changes_nothing_and_a_repeat_returns_the_original()
    {
        var rig = Funded();
        var id = NextId();
        var first = rig.Waterfall.DistributePenalty(id, Bankrupt, M1, 101m);
        var state = rig.State;
        var again = rig.Waterfall.DistributePenalty(id, Bankrupt, M1, 101m);
        (again.Outcome, again.Sequence, again.ToInsuranceFund, again.ToBufferPools, again.Retained)
            .Should().Be((LedgerOutcome.Duplicate, first.Sequence, 50m, 30m, 21m));
        rig.Waterfall.DistributePenalty(id, Bankrupt, M1, 102m).Rejection.Should().Be(LedgerRejection.IdReused);
        rig.State.Should().Be(state);

        // The id the split would give the pool's reward is taken: refused before the fund is touched.
        var other = NextId();
        rig.Pool.DistributeReward(other.Derive(3), Usd, 1m);
        state = rig.State;
        var refused = rig.Waterfall.DistributePenalty(other, Bankrupt, M1, 100m);
        (refused.Outcome, refused.Rejection).Should().Be((LedgerOutcome.Rejected, LedgerRejection.IdReused));
        rig.State.Should().Be(state);
    }

    [Fact]
    public void Penalties_are_split_exactly_between_fund_pools_and_platform()
    {
        var rig = Funded();

        // 101 × 0.5 = 50.5 → 50 to the fund; 101 × 0.3 = 30.3 → 30 to Bob's pool; 21 retained.
        var s = rig.Waterfall.DistributePenalty(NextId(), Bankrupt, M1, 101m);
        (s.ToInsuranceFund, s.ToBufferPools, s.Retained).Should().Be((50m, 30m, 21m));
        rig.Fund.GetInflows(InsuranceInflow.PenaltyShare).Should().Be(50m);
        rig.Pool.GetPendingGain(Bob, Usd).Should().Be(30m);

        // Near its cap the fund takes only its headroom; with no depositors the pools' share is retained too.
        var capped = new WaterfallRig(cap: 120m);
        capped.Fund.Contribute(NextId(), 100m, InsuranceInflow.Fee);
        s = capped.Waterfall.DistributePenalty(NextId(), Bankrupt, M1, 100m);
        (s.ToInsuranceFund, s.ToBufferPools, s.Retained).Should().Be((20m, 0m, 80m));
        capped.Replayed().Should().Be(capped.State);
        rig.Replayed().Should().Be(rig.State);
    }

    [Fact]
    public void Malformed_input_throws_and_changes_nothing()
    {
        var rig = Funded(FinalLossPolicy.AutoDeleverage);
        var state = rig.State;
        FluentActions.Invoking(() => new ShortfallRequest(default, Bankrupt, M1, 1m)).Should().Throw<ArgumentException>().WithParameterName("id");
        FluentActions.Invoking(() => new ShortfallRequest(NextId(), Bankrupt, M1, 0m)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("shortfall");
        FluentActions.Invoking(() => new ShortfallRequest(NextId(), Bankrupt, M1, 1m, accountCollateral: -1m)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("accountCollateral");
        FluentActions.Invoking(() => rig.Waterfall.Absorb(new ShortfallRequest(NextId(), Bankrupt, M1, 1.5m))).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => rig.Waterfall.Absorb(new ShortfallRequest(NextId(), Bankrupt, M1, 10m), Candidates(), new AdlAllocation[1])).Should().Throw<ArgumentException>().WithParameterName("allocations");
        FluentActions.Invoking(() => rig.Waterfall.DistributePenalty(NextId(), Bankrupt, M1, 0m)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("penalty");
        FluentActions.Invoking(() => rig.Waterfall.GetTotal((WaterfallStep)9)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("step");
        rig.State.Should().Be(state);
    }

    [Fact]
    public void Options_and_quanta_are_checked()
    {
        var rig = new WaterfallRig();
        FluentActions.Invoking(() => new LossWaterfall(new LossWaterfallOptions { PenaltyInsuranceShare = 0.8m, PenaltyPoolShare = 0.3m }, rig.Fund, rig.Pools))
            .Should().Throw<ArgumentException>().WithParameterName("PenaltyPoolShare");
        FluentActions.Invoking(() => new LossWaterfall(new LossWaterfallOptions { PenaltyInsuranceShare = -0.1m }, rig.Fund, rig.Pools))
            .Should().Throw<ArgumentException>().WithParameterName("PenaltyInsuranceShare");
        FluentActions.Invoking(() => new LossWaterfall(new LossWaterfallOptions { FinalPolicy = (FinalLossPolicy)5 }, rig.Fund, rig.Pools))
            .Should().Throw<ArgumentException>().WithParameterName("FinalPolicy");
        var finer = new InsuranceFund(new InsuranceFundOptions { Asset = Usd, Quantum = 0.01m });
        FluentActions.Invoking(() => new LossWaterfall(new LossWaterfallOptions(), finer, rig.Pools)).Should().Throw<ArgumentException>().WithParameterName("pools");
    }

    [Fact]
    public void Snapshot_restores_over_restored_ledgers_and_refuses_a_tampered_journal()
    {
        var rig = Funded(FinalLossPolicy.AutoDeleverageThenSocialize);
        rig.Waterfall.Absorb(new ShortfallRequest(NextId(), Bankrupt, M1, 1_550m), Candidates(), new AdlAllocation[4]);
        rig.Waterfall.DistributePenalty(NextId(), Bankrupt, M1, 77m);
        var fund = InsuranceFund.Restore(rig.Fund.SaveSnapshot());
        var pools = BufferPoolSet.Restore(rig.Pools.SaveSnapshot());
        var json = rig.Waterfall.SaveSnapshot();
        var restored = LossWaterfall.Restore(json, fund, pools);
        restored.SaveSnapshot().Should().Be(json);
        restored.GetSocializedLoss(M1).Should().Be(40m);
        var first = rig.Waterfall.Journal[0];
        restored.Absorb(new ShortfallRequest(first.Id, Bankrupt, M1, 1_550m)).Outcome.Should().Be(LedgerOutcome.Duplicate);

        // Against a fund that never journaled its part, or with steps that do not add up, the journal is refused.
        FluentActions.Invoking(() => LossWaterfall.Replay(rig.Options, new InsuranceFund(rig.FundOptions), pools, rig.Waterfall.Journal))
            .Should().Throw<LedgerIntegrityException>();
        var e = rig.Waterfall.Journal[0];
        var altered = new LossWaterfallEvent { Sequence = 1, Id = e.Id, Kind = e.Kind, Account = e.Account, Market = e.Market, Amount = e.Amount + 1, Steps = e.Steps };
        FluentActions.Invoking(() => LossWaterfall.Replay(rig.Options, fund, pools, [altered])).Should().Throw<LedgerIntegrityException>();
        FluentActions.Invoking(() => LossWaterfall.Restore("{\"version\":3}", fund, pools)).Should().Throw<LedgerIntegrityException>();
    }
}
