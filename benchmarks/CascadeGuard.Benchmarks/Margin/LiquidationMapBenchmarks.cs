using BenchmarkDotNet.Attributes;
using CascadeGuard.Margin;
using CascadeGuard.Primitives;

namespace CascadeGuard.Benchmarks.Margin;

/// <summary>
/// The liquidation map of 1,000,000 accounts for one asset (50 buckets): the O(N) bucketing against the memory floor
/// and against the sort-based version (solve every trigger, sort, then scan).
/// </summary>
[MemoryDiagnoser]
public class LiquidationMapBenchmarks
{
    private const int Accounts = 1_000_000;
    private readonly LiquidationMapBucket[] _buckets = new LiquidationMapBucket[50];
    private AccountBook _book = null!;
    private RiskParameterTable _table = null!;
    private double[] _triggers = null!;

    [GlobalSetup]
    public void Setup()
    {
        _book = SyntheticBook.Create(Accounts);
        _table = SyntheticBook.Table();
        _triggers = new double[Accounts];
    }

    [Benchmark(Baseline = true)]
    public double ReadBaseline()
    {
        double sum = 0;
        foreach (var q in _book.CollateralQuantityColumn)
        {
            sum += q;
        }

        foreach (var d in _book.DebtAmountColumn)
        {
            sum += d;
        }

        return sum;
    }

    [Benchmark]
    public LiquidationMapSummary Build() =>
        LiquidationMap.Build(_book, SyntheticBook.Prices, _table, new AssetId(0), SyntheticBook.Prices[0] * 0.5, _buckets);

    /// <summary>
    /// The textbook version: solve each account's trigger through the public single-account API, sort the triggers, and
    /// find each bucket's edges by binary search.
    /// </summary>
    [Benchmark]
    public int SortBased()
    {
        var collateral = new CollateralPosition[3];
        var debts = new DebtPosition[1];
        for (var i = 0; i < Accounts; i++)
        {
            var n = _book.CopyCollateral(new AccountId(i), collateral);
            var m = _book.CopyDebts(new AccountId(i), debts);
            var below = MarginCalculator.LiquidationPrice(collateral.AsSpan(0, n), debts.AsSpan(0, m), SyntheticBook.Prices, _table, new AssetId(0)).Below;
            _triggers[i] = double.IsNaN(below) ? double.NegativeInfinity : below;
        }

        Array.Sort(_triggers);
        var current = SyntheticBook.Prices[0];
        var width = current * 0.5 / _buckets.Length;
        var total = 0;
        for (var b = 0; b < _buckets.Length; b++)
        {
            var high = UpperBound(current - (b * width));
            var low = UpperBound(current - ((b + 1) * width));
            total += high - low;
        }

        return total;
    }

    // The number of triggers at or below the price.
    private int UpperBound(double price)
    {
        var index = Array.BinarySearch(_triggers, price);
        if (index < 0)
        {
            return ~index;
        }

        while (index < _triggers.Length && _triggers[index] <= price)
        {
            index++;
        }

        return index;
    }
}
