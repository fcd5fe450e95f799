using BenchmarkDotNet.Attributes;
using CascadeGuard.Ledgers;
using CascadeGuard.Ledgers.BufferPools;
using CascadeGuard.Primitives;

namespace CascadeGuard.Benchmarks.Ledgers;

/// <summary>
/// One liquidation offset against a pool of N depositors: the O(1) running product-sum (<see cref="Offset"/>) against
/// the obvious loop that rescales every deposit and credits every gain (<see cref="NaiveOffset"/>, the baseline).
/// Also the cost of a deposit and a withdrawal (each crystallises the depositor's position), and the full public ledger
/// operation with validation, id check and journal (on a pool of 1,000 depositors: its cost does not depend on N).
/// </summary>
[MemoryDiagnoser]
public class BufferPoolBenchmarks
{
    private const long DepositEach = 1_000_000_000;

    private ProductSumPool _pool = null!;
    private NaivePool _naive = null!;
    private BufferPool _ledger = null!;
    private readonly long[] _gains = [3];
    private readonly AssetAmount[] _collateral = [new(new AssetId(1), 3)];
    private int _next;
    private long _id;

    [Params(1_000, 1_000_000)]
    public int Depositors { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pool = new ProductSumPool(assetCount: 1);
        _pool.EnsureCapacity(Depositors - 1);
        _naive = new NaivePool(Depositors);
        var options = new BufferPoolOptions { DebtQuantum = 1m, MinimumBalance = 1m };
        options.GainAssets.Add(new PoolAsset(new AssetId(1), 1m));
        _ledger = new BufferPool(options);
        for (var i = 0; i < Depositors; i++)
        {
            _pool.Deposit(i, DepositEach);
            _naive.Deposit(i, DepositEach);
        }

        for (var i = 0; i < 1_000; i++)
        {
            _ledger.Deposit(new OperationId(++_id), new AccountId(i), DepositEach);
        }

        // One offset first so later deposits and withdrawals have a gain to crystallise.
        _pool.Offset(1_000, _gains);
    }

    /// <summary>The loop over depositors: O(N) per liquidation.</summary>
    [Benchmark(Baseline = true)]
    public void NaiveOffset() => _naive.Offset(1, 3);

    /// <summary>The running product-sum: O(1) per liquidation, whatever N.</summary>
    [Benchmark]
    public void Offset() => _pool.Offset(1, _gains);

    /// <summary>A deposit of one unit by the next depositor in turn (crystallises its deposit and gains).</summary>
    [Benchmark]
    public void Deposit() => _pool.Deposit(NextDepositor(), 1);

    /// <summary>A withdrawal of one unit by the next depositor in turn.</summary>
    [Benchmark]
    public void Withdraw() => _pool.Withdraw(NextDepositor(), 1);

    /// <summary>The public ledger operation: validation, id check, journal event (allocates the event and index entry).</summary>
    [Benchmark]
    public LedgerReceipt LedgerOffset() => _ledger.Offset(new OperationId(++_id), 1m, _collateral);

    private int NextDepositor()
    {
        var d = _next;
        _next = d + 1 == Depositors ? 0 : d + 1;
        return d;
    }

    /// <summary>
    /// The straightforward pro-rata ledger: every offset rescales every deposit and credits every gain, each with one
    /// 128-bit multiply-divide — the least any per-depositor loop pays.
    /// </summary>
    private sealed class NaivePool(int depositors)
    {
        private readonly long[] _deposits = new long[depositors];
        private readonly long[] _gains = new long[depositors];
        private long _total;

        public void Deposit(int depositor, long amount)
        {
            _deposits[depositor] += amount;
            _total += amount;
        }

        public void Offset(long debt, long collateral)
        {
            var total = (ulong)_total;
            long burned = 0;
            for (var i = 0; i < _deposits.Length; i++)
            {
                var d = (ulong)_deposits[i];
                var loss = (long)(((UInt128)debt * d + total - 1) / total); // losses round up
                _gains[i] += (long)((UInt128)collateral * d / total); // gains round down
                _deposits[i] -= loss;
                burned += loss;
            }

            _total -= burned;
        }
    }
}
