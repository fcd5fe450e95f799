using CascadeGuard.Simulation.Accounts;
using CascadeGuard.Simulation.Market;
using CascadeGuard.Simulation.Paths;
using CascadeGuard.Simulation.Policies;
using CascadeGuard.Simulation.Population;
using CascadeGuard.Simulation.Runs;

namespace CascadeGuard.Tests.Simulation;

/// <summary>Small worlds for tests: a few thousand accounts keep each simulation in milliseconds.</summary>
internal static class SimulationFixtures
{
    public static SimulationRequest Request(string scenario = "synthetic", int accounts = 2_000, int runs = 2, int? steps = null, int seed = 7) => new()
    {
        Scenario = ScenarioCatalog.Find(scenario)!,
        Policies = PolicyCatalog.Available,
        Steps = steps,
        Seed = seed,
        Runs = runs,
        Population = new PopulationParameters { Accounts = accounts },
    };

    public static SimulationRequest Request(Scenario scenario, int accounts = 2_000, int runs = 2, int? steps = null, int seed = 7) =>
        Request(accounts: accounts, runs: runs, steps: steps, seed: seed) with { Scenario = scenario };

    /// <summary>One world of the first run of a request.</summary>
    public static RunResult World(SimulationRequest request, PolicyDefinition policy, IndexKind index = IndexKind.Indexed, bool series = false)
    {
        var (path, population) = MonteCarlo.Prepare(request, 0);
        return CascadeRun.Run(new WorldSetup(path, population, request.Market, request.Protocol, policy, request.RunSeed(0)) { Index = index, RecordSeries = series });
    }

    /// <summary>A world with hand-made positions on a given path (collateral units, debt).</summary>
    public static (Ledger Ledger, ImpactMarket Market, LiquidationIndex Index, RunRecorder Recorder, LiquidationActions Actions) Hand(
        decimal[] collateral, decimal[] debt, double price, MarketParameters? market = null)
    {
        var population = AccountPopulation.FromPositions(collateral, debt, price);
        var ledger = new Ledger(population, new ProtocolParameters().LiquidationThreshold);
        var parameters = market ?? new MarketParameters();
        var impact = parameters.Feedback
            ? ImpactMarket.WithImpact(CascadeRun.Profile(parameters, population, price), parameters.ResilienceHalfLife, TimeSpan.FromMinutes(1), parameters.PermanentImpactFraction, price)
            : ImpactMarket.WithoutImpact(price);
        var index = new TriggerIndex(ledger);
        var recorder = new RunRecorder(ledger.Count, parameters.NearZeroFraction) { ExogenousPrice = price };
        return (ledger, impact, index, recorder, new LiquidationActions(ledger, impact, index, recorder));
    }
}
