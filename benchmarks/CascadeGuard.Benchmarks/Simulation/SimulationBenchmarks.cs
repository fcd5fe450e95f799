using BenchmarkDotNet.Attributes;
using CascadeGuard.Simulation.Paths;
using CascadeGuard.Simulation.Policies;
using CascadeGuard.Simulation.Population;
using CascadeGuard.Simulation.Runs;

namespace CascadeGuard.Benchmarks.Simulation;

/// <summary>
/// One world of the default scenario (synthetic 40 % fall, 1,440 one-minute steps, feedback on) under a policy: the
/// simulator's liquidation-price index against re-evaluating every account at every step. Both produce identical worlds
/// (a test checks it); each operation includes building the ledger and the index (and, for <c>cascadeguard</c>, the
/// engine, which keeps its own index of the accounts it holds).
/// </summary>
[MemoryDiagnoser]
public class SimulationBenchmarks
{
    private WorldSetup _indexed = null!;
    private WorldSetup _full = null!;

    [Params(10_000, 100_000)]
    public int Accounts { get; set; }

    [Params("naive", "cascadeguard")]
    public string Policy { get; set; } = "naive";

    [GlobalSetup]
    public void Setup()
    {
        var request = new SimulationRequest
        {
            Scenario = ScenarioCatalog.Find("synthetic")!,
            Policies = [PolicyCatalog.Find(Policy)!],
            Population = new PopulationParameters { Accounts = Accounts },
        };
        var (path, population) = MonteCarlo.Prepare(request, 0);
        _indexed = new WorldSetup(path, population, request.Market, request.Protocol, request.Policies[0], request.RunSeed(0));
        _full = _indexed with { Index = IndexKind.FullReevaluation };
    }

    /// <summary>Every account tested against the oracle price at every step.</summary>
    [Benchmark(Baseline = true)]
    public double FullReevaluation() => CascadeRun.Run(_full)[Metric.BadDebt];

    /// <summary>Only the accounts the price move crosses are touched.</summary>
    [Benchmark]
    public double Indexed() => CascadeRun.Run(_indexed)[Metric.BadDebt];
}
