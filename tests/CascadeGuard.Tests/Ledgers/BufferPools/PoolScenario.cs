using System.Numerics;
using CascadeGuard.Ledgers;
using CascadeGuard.Ledgers.BufferPools;
using CascadeGuard.Primitives;
using CsCheck;
using static CascadeGuard.Tests.Ledgers.BufferPools.PoolTestKit;

namespace CascadeGuard.Tests.Ledgers.BufferPools;

/// <summary>One step of a random pool scenario.</summary>
/// <param name="Kind">0 deposit, 1 withdraw, 2 offset, 3 reward, 4 claim, 5 repeat an earlier id, 6 reuse an id for something else.</param>
/// <param name="Who">Depositor 0–2.</param>
/// <param name="Asset">Gain asset index 0–1.</param>
/// <param name="Amount">Deposit, reward or first collateral amount.</param>
/// <param name="Amount2">Second collateral amount.</param>
/// <param name="Percent">Withdrawal or offset size as a percentage, or which earlier operation to repeat.</param>
/// <param name="Mode">Offset: 0 a percentage of the pool, 1 all of it, 2 all but one unit, 3 one unit more than the pool. Withdraw: 0 tries to overdraw.</param>
public readonly record struct PoolOp(int Kind, int Who, int Asset, long Amount, long Amount2, int Percent, int Mode);

/// <summary>
/// Runs <see cref="PoolOp"/>s against a real <see cref="BufferPool"/> and, when asked, against an exact rational
/// pro-rata model (BigInteger fractions), checking after every step the bounds stated in docs/buffer-pools.md.
/// Operation ids are the step index + 1, so two runs of the same steps use the same ids.
/// </summary>
internal sealed class PoolScenario
{
    public const int Depositors = 3;
    public const int Assets = 2;
    private static readonly AssetId[] AssetIds = [Eth, Btc];

    private readonly bool _model;
    private readonly ExactFraction[] _deposit = new ExactFraction[Depositors];
    private readonly ExactFraction[,] _gain = new ExactFraction[Depositors, Assets];
    private readonly double[,] _gainSlack = new double[Depositors, Assets]; // an upper bound, rounded up at every step
    private readonly int[] _touches = new int[Depositors];
    private readonly List<Func<BufferPool, LedgerReceipt>> _applied = [];
    private readonly List<OperationId> _appliedIds = [];

    public PoolScenario(BufferPool pool, bool model)
    {
        Pool = pool;
        _model = model;
        for (var d = 0; d < Depositors; d++)
        {
            _deposit[d] = ExactFraction.Zero;
            for (var k = 0; k < Assets; k++)
            {
                _gain[d, k] = ExactFraction.Zero;
                _gainSlack[d, k] = 1;
            }
        }
    }

    public BufferPool Pool { get; private set; }

    public List<LedgerReceipt> Receipts { get; } = [];

    public static Gen<long> GenAmount { get; } = Gen.Frequency(
        (4, (IGen<long>)Gen.Long[1, 1_000]),
        (2, Gen.Long[1, 1_000_000_000]),
        (1, Gen.Long[1, 1_000_000_000_000_000]));

    public static Gen<PoolOp> GenOp { get; } = Gen.Select(
        Gen.Frequency((5, (IGen<int>)Gen.Const(0)), (3, Gen.Const(1)), (4, Gen.Const(2)), (1, Gen.Const(3)), (2, Gen.Const(4)), (1, Gen.Const(5)), (1, Gen.Const(6))),
        Gen.Int[0, Depositors - 1],
        Gen.Int[0, Assets - 1],
        GenAmount,
        Gen.Long[0, 1_000_000],
        Gen.Int[1, 100],
        Gen.Int[0, 3],
        static (kind, who, asset, amount, amount2, percent, mode) => new PoolOp(kind, who, asset, amount, amount2, percent, mode));

    public static Gen<PoolOp[]> GenOps { get; } = GenOp.Array[1, 14];

    /// <summary>Replaces the pool (after a snapshot restore) and keeps running.</summary>
    public void Swap(BufferPool pool) => Pool = pool;

    public void Run(ReadOnlySpan<PoolOp> ops, int firstIndex = 0)
    {
        for (var i = 0; i < ops.Length; i++)
        {
            Step(ops[i], firstIndex + i);
            if (_model)
            {
                Check();
            }
        }
    }

    private void Step(PoolOp op, int index)
    {
        var id = new OperationId(index + 1);
        var who = new AccountId(op.Who);
        var total = Pool.Core.Total;
        switch (op.Kind)
        {
            case 0:
            {
                var amount = (decimal)op.Amount;
                Expect(id, Pool.Deposit(id, who, amount), p => p.Deposit(id, who, amount));
                if (_model)
                {
                    _deposit[op.Who] += ExactFraction.Of(op.Amount);
                    Touch(op.Who);
                }

                break;
            }

            case 1:
            {
                var compounded = Pool.Core.GetCompounded(op.Who);
                if (op.Mode == 0)
                {
                    var over = compounded + 1;
                    ExpectUnchanged(() => Pool.Withdraw(id, who, over), LedgerRejection.InsufficientBalance);
                    break;
                }

                var amount = compounded * op.Percent / 100;
                if (amount == 0)
                {
                    break;
                }

                Expect(id, Pool.Withdraw(id, who, amount), p => p.Withdraw(id, who, amount));
                if (_model)
                {
                    _deposit[op.Who] -= ExactFraction.Of(amount);
                    Touch(op.Who);
                }

                break;
            }

            case 2:
            {
                var debt = op.Mode switch
                {
                    0 => Math.Max(1, (long)((BigInteger)total * op.Percent / 100)),
                    1 => total,
                    2 => total - 1,
                    _ => total + 1,
                };
                if (debt <= 0)
                {
                    break;
                }

                long[] gains = [op.Amount % 1_000_001, op.Amount2];
                AssetAmount[] collateral = [new(Eth, gains[0]), new(Btc, gains[1])];
                var expected = debt > total ? LedgerRejection.InsufficientDeposits
                    : debt < total && total - debt < 1 ? LedgerRejection.BelowMinimumBalance
                    : LedgerRejection.None;
                if (expected != LedgerRejection.None)
                {
                    ExpectUnchanged(() => Pool.Offset(id, debt, collateral), expected);
                    break;
                }

                Expect(id, Pool.Offset(id, debt, collateral), p => p.Offset(id, debt, collateral));
                if (_model)
                {
                    ShareGains(gains, total);
                    for (var d = 0; d < Depositors; d++)
                    {
                        _deposit[d] = debt == total ? ExactFraction.Zero : _deposit[d] * ExactFraction.Of(total - debt, total);
                    }
                }

                break;
            }

            case 3:
            {
                var asset = AssetIds[op.Asset];
                var amount = (decimal)op.Amount;
                if (total == 0)
                {
                    ExpectUnchanged(() => Pool.DistributeReward(id, asset, amount), LedgerRejection.NoDepositors);
                    break;
                }

                Expect(id, Pool.DistributeReward(id, asset, amount), p => p.DistributeReward(id, asset, amount));
                if (_model)
                {
                    var gains = new long[Assets];
                    gains[op.Asset] = op.Amount;
                    ShareGains(gains, total);
                }

                break;
            }

            case 4:
            {
                var asset = AssetIds[op.Asset];
                var pending = Pool.GetPendingGain(who, asset);
                var r = Pool.Claim(id, who, asset);
                if (r.Outcome != LedgerOutcome.Applied || r.Amount != pending)
                {
                    Ensure.Fail($"claim {r} did not pay the pending {pending}");
                }

                Receipts.Add(r);
                if (r.Sequence != 0)
                {
                    _applied.Add(p => p.Claim(id, who, asset));
                    _appliedIds.Add(id);
                }

                if (_model)
                {
                    _gain[op.Who, op.Asset] -= ExactFraction.Of((long)pending);
                    Touch(op.Who);
                }

                break;
            }

            case 5 when _applied.Count > 0:
            {
                // Repeat an applied operation with its own id: no effect, and the original result again.
                var before = Pool.NextSequence;
                var totalBefore = Pool.TotalDeposits;
                var r = _applied[op.Percent % _applied.Count](Pool);
                if (r.Outcome != LedgerOutcome.Duplicate || r.Sequence >= before || Pool.NextSequence != before || Pool.TotalDeposits != totalBefore)
                {
                    Ensure.Fail($"repeat {r} was not a no-op duplicate");
                }

                Receipts.Add(r);
                break;
            }

            case 6 when _appliedIds.Count > 0:
            {
                // Reuse the id of the first applied operation for a different deposit.
                var first = _appliedIds[0];
                ExpectUnchanged(() => Pool.Deposit(first, new AccountId(op.Who), 1_000_000_007m), LedgerRejection.IdReused);
                break;
            }

            default:
                break;
        }
    }

    private void Expect(OperationId id, LedgerReceipt r, Func<BufferPool, LedgerReceipt> again)
    {
        if (r.Outcome != LedgerOutcome.Applied)
        {
            Ensure.Fail($"expected applied, got {r}");
        }

        Receipts.Add(r);
        _applied.Add(again);
        _appliedIds.Add(id);
    }

    /// <summary>A refusal must leave the pool byte-for-byte as it was.</summary>
    private void ExpectUnchanged(Func<LedgerReceipt> act, LedgerRejection rejection)
    {
        var before = _model ? Digest(Pool) : null;
        var sequence = Pool.NextSequence;
        var r = act();
        if (r.Outcome != LedgerOutcome.Rejected || r.Rejection != rejection || Pool.NextSequence != sequence
            || (before is not null && Digest(Pool) != before))
        {
            Ensure.Fail($"expected an unchanged {rejection} refusal, got {r}");
        }


        Receipts.Add(r);
    }

    /// <summary>One ulp up: a double that bounds the exact value from above after each inexact step.</summary>
    private static double RoundUp(double x) => Math.BitIncrement(x);

    /// <summary>Everything observable about the pool, cheaper than a full snapshot (the rejection tests compare snapshots).</summary>
    private static string Digest(BufferPool pool)
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(pool.NextSequence).Append('|').Append(pool.Core.Total).Append('|').Append(pool.Core.P).Append('|').Append(pool.Scale).Append('|').Append(pool.Epoch);
        for (var d = 0; d < Depositors; d++)
        {
            sb.Append('|').Append(pool.Core.GetCompounded(d)).Append(',').Append(pool.Core.GetPendingGain(d, 0)).Append(',').Append(pool.Core.GetPendingGain(d, 1));
        }

        sb.Append('|').Append(pool.GetHeld(Eth)).Append(',').Append(pool.GetHeld(Btc));
        return sb.ToString();
    }

    private void ShareGains(long[] gains, long total)
    {
        for (var d = 0; d < Depositors; d++)
        {
            if (_deposit[d].Num.IsZero)
            {
                continue;
            }

            for (var k = 0; k < Assets; k++)
            {
                var perUnit = ExactFraction.Of(gains[k], total);
                _gain[d, k] += _deposit[d] * perUnit;

                // The depositor's deposit may trail the exact one by up to touches + 1 units; its gain by that times C/T.
                _gainSlack[d, k] = RoundUp(_gainSlack[d, k] + RoundUp((_touches[d] + 1) * RoundUp((double)gains[k] / total)));
            }
        }
    }

    private void Touch(int d)
    {
        _touches[d]++;
        for (var k = 0; k < Assets; k++)
        {
            _gainSlack[d, k] = RoundUp(_gainSlack[d, k] + 1);
        }
    }

    /// <summary>The bounds of docs/buffer-pools.md, the conservation identities and solvency, after every step.</summary>
    /// <remarks>Plain checks rather than FluentAssertions: this runs millions of times and must stay fast.</remarks>
    public void Check()
    {
        var pool = Pool;
        var core = pool.Core;
        var sum = ExactFraction.Zero;
        for (var d = 0; d < Depositors; d++)
        {
            sum += _deposit[d];
            var compounded = ExactFraction.Of(core.GetCompounded(d));
            if (!(compounded <= _deposit[d]))
            {
                Ensure.Fail($"depositor {d}: compounded {compounded} exceeds the exact deposit {_deposit[d]}");
            }
            if (!(_deposit[d] - compounded <= ExactFraction.Of(_touches[d] + 1)))
            {
                Ensure.Fail($"depositor {d}: deposit {compounded} trails the exact {_deposit[d]} by more than {_touches[d] + 1}");
            }
            for (var k = 0; k < Assets; k++)
            {
                var pending = ExactFraction.Of(core.GetPendingGain(d, k));
                if (!(pending <= _gain[d, k] + ExactFraction.Of(1)))
                {
                    Ensure.Fail($"depositor {d} asset {k}: gain {pending} exceeds the exact {_gain[d, k]} by a unit or more");
                }
                if (!(_gain[d, k] - pending <= ExactFraction.FromDouble(_gainSlack[d, k])))
                {
                    Ensure.Fail($"depositor {d} asset {k}: gain {pending} trails the exact {_gain[d, k]} by more than {_gainSlack[d, k]}");
                }
            }
        }

        if (!(sum == ExactFraction.Of(core.Total)))
        {
            Ensure.Fail("the exact model and the pool disagree on the balance");
        }
        pool.CheckLedger();
    }
}

/// <summary>Invariants any pool must satisfy at any time, with or without a model.</summary>
internal static class PoolInvariants
{
    public static void CheckLedger(this BufferPool pool)
    {
        if (!(pool.TotalDeposited == pool.TotalWithdrawn + pool.TotalDebtBurned + pool.TotalDeposits))
        {
            Ensure.Fail("deposits in ≠ withdrawals out + debt burned + balance");
        }
        var audit = pool.Audit();
        if (!(audit.SumOfDeposits <= audit.TotalDeposits))
        {
            Ensure.Fail($"the pool owes {audit.SumOfDeposits} deposits but holds {audit.TotalDeposits}");
        }
        foreach (var a in audit.Assets)
        {
            if (!(a.Received == a.Claimed + a.Balance && a.Balance == pool.GetHeld(a.Asset)))
            {
                Ensure.Fail($"{a.Asset}: collateral in ≠ claimed + held");
            }
            if (!(a.Owed <= a.Balance))
            {
                Ensure.Fail($"{a.Asset}: the pool owes {a.Owed} but holds {a.Balance}");
            }
        }

        if (!(pool.Core.P >= ProductSumPool.PFloor && pool.Core.P <= ProductSumPool.POne))
        {
            Ensure.Fail($"P {pool.Core.P} outside [10^29, 10^38]");
        }
    }
}
