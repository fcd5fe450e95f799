using BenchmarkDotNet.Attributes;
using CascadeGuard.Exits;

namespace CascadeGuard.Benchmarks.Exits;

/// <summary>
/// Filling a 1,000-interval trajectory into a caller-owned buffer. Baseline: TWAP (one multiply and divide per entry),
/// the cheapest complete trajectory; Almgren–Chriss adds one sinh per entry.
/// </summary>
[MemoryDiagnoser]
public class TrajectoryBenchmarks
{
    private const int Periods = 1000;
    private readonly double[] _holdings = new double[Periods + 1];

    // The paper's example parameters over 5 days; at N = 1000, κT ≈ 3.0 (the sinh branch).
    private readonly AlmgrenChrissExit _optimal = new(new LinearImpactModel(0.95, 2.5e-7, 2.5e-6, 0.0625), 1e-6, 5);

    // λ = 1: κT ≈ 3,000, the overflow-free exponential branch.
    private readonly AlmgrenChrissExit _urgent = new(new LinearImpactModel(0.95, 2.5e-7, 2.5e-6, 0.0625), 1, 5);

    [Benchmark(Baseline = true)]
    public double Twap() => default(TwapExit).WriteHoldings(1e6, _holdings) + _holdings[Periods / 2];

    [Benchmark]
    public double AlmgrenChriss() => _optimal.WriteHoldings(1e6, _holdings) + _holdings[Periods / 2];

    [Benchmark]
    public double AlmgrenChrissUrgent() => _urgent.WriteHoldings(1e6, _holdings) + _holdings[Periods / 2];

    [Benchmark]
    public double AlmgrenChrissClosedFormCost() => _optimal.ExpectedCost(1e6, Periods).Expected;

    [Benchmark]
    public double CostBySums()
    {
        _optimal.WriteHoldings(1e6, _holdings);
        return _optimal.Model.Cost(_holdings, 5).Expected;
    }
}
