using CascadeGuard.Ledgers;
using CascadeGuard.Ledgers.BufferPools;
using CascadeGuard.Ledgers.Insurance;
using CascadeGuard.Ledgers.Waterfall;
using CascadeGuard.Primitives;
using CsCheck;
using static CascadeGuard.Tests.Ledgers.BufferPools.PoolTestKit;
using static CascadeGuard.Tests.Ledgers.Waterfall.WaterfallRig;

namespace CascadeGuard.Tests.Ledgers.Waterfall;

/// <summary>Random funds, pools, shortfalls and deleveraging queues: the steps always add up and respect every limit.</summary>
public class LossWaterfallPropertyTests
{
    private static readonly Gen<AdlCandidate[]> GenCandidates = Gen.Select(Gen.Int[0, 20], Gen.Double[-1, 2], Gen.Double[0, 50], Gen.Int[0, 1_000],
        static (account, profit, leverage, capacity) => new AdlCandidate(new AccountId(account), profit, leverage, capacity)).Array[0, 5];

    private static readonly Gen<(int Policy, long Floor, long Funds, long Minimum, long Deposits)> GenRig =
        Gen.Select(Gen.Int[0, 2], Gen.Long[0, 500], Gen.Long[0, 2_000], Gen.Long[1, 200], Gen.Long[0, 3_000]);

    private static readonly Gen<(long Shortfall, long Collateral, long Penalty)> GenShortfall =
        Gen.Select(Gen.Long[1, 6_000], Gen.Long[0, 1_000], Gen.Long[0, 300]);

    [Fact]
    public void Steps_add_up_to_the_shortfall_and_respect_every_limit()
    {
        Gen.Select(GenRig, GenShortfall, GenCandidates, Gen.Long[1, 500]).Sample(static (setup, request, candidates, penalty) =>
        {
            var policy = (FinalLossPolicy)setup.Policy;
            var rig = new WaterfallRig(policy, floor: setup.Floor, minimum: setup.Minimum);
            if (setup.Funds > 0)
            {
                rig.Fund.Contribute(NextId(), setup.Funds, InsuranceInflow.Contribution);
            }

            if (setup.Deposits > 0)
            {
                rig.Pool.Deposit(NextId(), Bob, setup.Deposits);
            }

            var available = rig.Fund.Available;
            var id = NextId();
            var shortfall = new ShortfallRequest(id, Bankrupt, M1, request.Shortfall, request.Collateral, request.Penalty);
            var allocations = new AdlAllocation[candidates.Length];
            var r = rig.Waterfall.Absorb(shortfall, candidates, allocations);
            if (r.Outcome != LedgerOutcome.Applied)
            {
                Ensure.Fail($"refused: {r}");
            }

            decimal s = request.Shortfall, rest = s;
            var afterOwn = rest - Math.Min(rest, request.Collateral);
            var afterPenalty = afterOwn - Math.Min(afterOwn, request.Penalty);
            var afterFund = afterPenalty - Math.Min(afterPenalty, available);
            // The pool rule, derived independently: all of it if the rest is at least the pool (an exact emptying),
            // otherwise as much as leaves the minimum balance.
            decimal deposits = setup.Deposits, minimum = setup.Minimum;
            var absorbable = afterFund == 0 || deposits == 0 ? 0m : afterFund >= deposits ? deposits : Math.Min(afterFund, Math.Max(0, deposits - minimum));
            var afterPools = afterFund - absorbable;
            if (r.ByAccountCollateral + r.ByPenalty + r.ByInsuranceFund + r.ByBufferPools + r.ByAutoDeleveraging + r.BySocialization + r.Unabsorbed != s
                || r.ByAccountCollateral != s - afterOwn || r.ByPenalty != afterOwn - afterPenalty || r.ByInsuranceFund != afterPenalty - afterFund
                || r.ByBufferPools != absorbable)
            {
                Ensure.Fail($"steps do not follow the waterfall: {r}");
            }

            var left = rig.Pool.TotalDeposits;
            if (rig.Fund.Balance < Math.Min(rig.FundOptions.Floor, setup.Funds) || !(left == 0 || left == deposits || left >= minimum))
            {
                Ensure.Fail("the fund paid below its floor or the pool was left below its minimum without being emptied");
            }

            // Deleveraging follows the ranking and never asks a position for more than its capacity.
            var ranked = new AdlAllocation[candidates.Length];
            var n = AutoDeleveraging.Rank(candidates, ranked);
            decimal capacity = 0, sum = 0;
            for (var i = 0; i < n; i++)
            {
                capacity += ranked[i].Amount;
            }

            for (var i = 0; i < r.AdlAllocations; i++)
            {
                sum += allocations[i].Amount;
                if (allocations[i].Amount <= 0 || allocations[i] != ranked[i] with { Amount = allocations[i].Amount } || allocations[i].Amount > ranked[i].Amount)
                {
                    Ensure.Fail("an allocation breaks the ranking or a capacity");
                }
            }

            var expectedAdl = policy == FinalLossPolicy.Socialize ? 0 : Math.Min(afterPools, capacity);
            var expectedSocial = policy == FinalLossPolicy.AutoDeleverage ? 0 : afterPools - expectedAdl;
            if (sum != r.ByAutoDeleveraging || r.ByAutoDeleveraging != expectedAdl || r.BySocialization != expectedSocial
                || r.Unabsorbed != afterPools - expectedAdl - expectedSocial)
            {
                Ensure.Fail($"final steps wrong: {r}");
            }

            // Snapshot all three ledgers here; continue both the live and the restored ones with a penalty and a repeat.
            var fund = InsuranceFund.Restore(rig.Fund.SaveSnapshot());
            var pools = BufferPoolSet.Restore(rig.Pools.SaveSnapshot());
            var restored = LossWaterfall.Restore(rig.Waterfall.SaveSnapshot(), fund, pools, Clock()); // its records carry timestamps
            var penaltyId = NextId();
            var split = rig.Waterfall.DistributePenalty(penaltyId, Bankrupt, M1, penalty);
            if (split.ToInsuranceFund + split.ToBufferPools + split.Retained != penalty)
            {
                Ensure.Fail($"penalty split does not add up: {split}");
            }

            if (restored.DistributePenalty(penaltyId, Bankrupt, M1, penalty) != split
                || restored.Absorb(shortfall, candidates, new AdlAllocation[candidates.Length]).Outcome != LedgerOutcome.Duplicate
                || fund.SaveSnapshot() + pools.SaveSnapshot() + restored.SaveSnapshot() != rig.State)
            {
                Ensure.Fail("the restored ledgers diverged from the live ones");
            }

            var state = rig.State;
            if (rig.Waterfall.Absorb(shortfall, candidates, allocations).Outcome != LedgerOutcome.Duplicate || rig.State != state || rig.Replayed() != state)
            {
                Ensure.Fail("a repeat changed something, or the journals do not rebuild the ledgers");
            }
        }, iter: 10_000);
    }

    private static readonly AccountId Bankrupt = new(42);
}
