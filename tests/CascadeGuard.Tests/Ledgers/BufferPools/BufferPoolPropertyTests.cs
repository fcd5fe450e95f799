using CascadeGuard.Ledgers;
using CascadeGuard.Ledgers.BufferPools;
using CascadeGuard.Primitives;
using CsCheck;
using static CascadeGuard.Tests.Ledgers.BufferPools.PoolTestKit;

namespace CascadeGuard.Tests.Ledgers.BufferPools;

/// <summary>
/// Random sequences of deposits, withdrawals, liquidation offsets (partial, emptying, all-but-one-unit, too large),
/// rewards, claims, repeated and reused ids. Sequences are short (≤ 14 steps) so 10,000 of them run in about a second.
/// The loops use plain checks: FluentAssertions costs tens of microseconds per assertion, which dominates at this count.
/// </summary>
public class BufferPoolPropertyTests
{
    private const int Sequences = 10_000;

    [Fact]
    public void Product_sum_matches_exact_pro_rata_within_the_dust_bound_and_stays_solvent()
    {
        int rescaled = 0, emptied = 0, duplicates = 0;
        PoolScenario.GenOps.Sample(ops =>
        {
            var run = new PoolScenario(UnitPool(), model: true);
            run.Run(ops);
            Interlocked.Add(ref rescaled, run.Pool.Scale > 0 ? 1 : 0);
            Interlocked.Add(ref emptied, run.Pool.Epoch > 0 ? 1 : 0);
            Interlocked.Add(ref duplicates, run.Receipts.Any(r => r.Outcome == LedgerOutcome.Duplicate) ? 1 : 0);

            // Everyone can leave: withdraw every compounded deposit and claim every gain; nothing is refused.
            var pool = run.Pool;
            for (var d = 0; d < PoolScenario.Depositors; d++)
            {
                var who = new AccountId(d);
                var deposit = pool.GetDeposit(who);
                if ((deposit > 0 && !pool.Withdraw(NextId(), who, deposit).IsApplied)
                    || pool.Claim(NextId(), who, Eth).Outcome != LedgerOutcome.Applied
                    || pool.Claim(NextId(), who, Btc).Outcome != LedgerOutcome.Applied)
                {
                    Ensure.Fail($"depositor {d} could not leave");
                }
            }

            pool.CheckLedger();
            var audit = pool.Audit();
            if (audit.SumOfDeposits != 0 || audit.Assets[0].Owed != 0 || audit.Assets[1].Owed != 0)
            {
                Ensure.Fail("something is still owed after everyone left");
            }
        }, iter: Sequences);

        // The generator must reach the interesting paths, or the property proves little.
        rescaled.Should().BeGreaterThan(100);
        emptied.Should().BeGreaterThan(100);
        duplicates.Should().BeGreaterThan(100);
    }

    [Fact]
    public void Replaying_the_journal_from_empty_reproduces_the_live_pool()
    {
        PoolScenario.GenOps.Sample(static ops =>
        {
            var run = new PoolScenario(UnitPool(), model: false);
            run.Run(ops);
            var live = run.Pool;
            var journal = BufferPool.ReadJournal(BufferPool.WriteJournal(live.Journal));
            var replayed = BufferPool.Replay(UnitOptions(), journal, Clock());
            if (replayed.SaveSnapshot() != live.SaveSnapshot() || BufferPool.WriteJournal(replayed.Journal) != BufferPool.WriteJournal(live.Journal))
            {
                Ensure.Fail("replay differs from the live pool");
            }
        }, iter: Sequences);
    }

    [Fact]
    public void A_restored_snapshot_continues_exactly_like_the_uninterrupted_pool()
    {
        Gen.Select(PoolScenario.GenOps, Gen.Int[0, 14]).Sample(static (ops, cut) =>
        {
            cut = Math.Min(cut, ops.Length);
            var straight = new PoolScenario(UnitPool(), model: false);
            straight.Run(ops);

            var interrupted = new PoolScenario(UnitPool(), model: false);
            interrupted.Run(ops.AsSpan(0, cut));
            interrupted.Swap(BufferPool.Restore(interrupted.Pool.SaveSnapshot(), Clock()));
            interrupted.Run(ops.AsSpan(cut), cut);

            if (!interrupted.Receipts.SequenceEqual(straight.Receipts) || interrupted.Pool.SaveSnapshot() != straight.Pool.SaveSnapshot())
            {
                Ensure.Fail("the restored pool diverged from the uninterrupted one");
            }
        }, iter: Sequences);
    }
}
