using BenchmarkDotNet.Attributes;
using CascadeGuard.Margin;
using CascadeGuard.Primitives;

namespace CascadeGuard.Benchmarks.Margin;

/// <summary>
/// Batch margin evaluation of 1,000,000 accounts × 4 positions (3 collateral, 1 debt) against the cost of merely
/// reading the same columns, and against an object-per-account LINQ version.
/// </summary>
[MemoryDiagnoser]
public class MarginEvaluationBenchmarks
{
    private const int Accounts = 1_000_000;
    private AccountBook _book = null!;
    private RiskParameterTable _table = null!;
    private double[] _healthFactors = null!;
    private AccountStatus[] _statuses = null!;
    private NaiveAccount[] _naive = null!;
    private double[] _thresholds = null!;

    [GlobalSetup]
    public void Setup()
    {
        _book = SyntheticBook.Create(Accounts);
        _table = SyntheticBook.Table();
        _healthFactors = new double[Accounts];
        _statuses = new AccountStatus[Accounts];
        _thresholds = Enumerable.Range(0, SyntheticBook.Assets).Select(a => _table[new AssetId(a)]?.LiquidationThreshold ?? 0).ToArray();
        var collateral = new CollateralPosition[3];
        var debts = new DebtPosition[1];
        _naive = new NaiveAccount[Accounts];
        for (var i = 0; i < Accounts; i++)
        {
            var n = _book.CopyCollateral(new AccountId(i), collateral);
            var m = _book.CopyDebts(new AccountId(i), debts);
            _naive[i] = new NaiveAccount(collateral[..n].ToList(), debts[..m].ToList());
        }
    }

    /// <summary>Reads every column the evaluation reads and sums it: the memory-traffic floor.</summary>
    [Benchmark(Baseline = true)]
    public double ReadBaseline()
    {
        double sum = 0;
        long ids = 0;
        foreach (var q in _book.CollateralQuantityColumn)
        {
            sum += q;
        }

        foreach (var a in _book.CollateralAssetColumn)
        {
            ids += a;
        }

        foreach (var d in _book.DebtAmountColumn)
        {
            sum += d;
        }

        foreach (var a in _book.DebtAssetColumn)
        {
            ids += a;
        }

        return sum + ids;
    }

    [Benchmark]
    public void EvaluateBatch() => _book.Evaluate(SyntheticBook.Prices, _table, _healthFactors, _statuses);

    /// <summary>An object per account and LINQ sums: the way a first version is often written.</summary>
    [Benchmark]
    public double[] NaiveObjects()
    {
        var prices = SyntheticBook.Prices;
        var thresholds = _thresholds;
        return _naive
            .Select(a => a.Debts.Sum(d => d.Amount * prices[d.Asset.Value]) is var debt && debt > 0
                ? a.Collateral.Sum(c => c.Quantity * prices[c.Asset.Value] * thresholds[c.Asset.Value]) / debt
                : double.PositiveInfinity)
            .ToArray();
    }

    private sealed record NaiveAccount(List<CollateralPosition> Collateral, List<DebtPosition> Debts);
}
