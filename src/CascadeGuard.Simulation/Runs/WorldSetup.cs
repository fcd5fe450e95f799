using CascadeGuard.Simulation.Accounts;
using CascadeGuard.Simulation.Market;
using CascadeGuard.Simulation.Paths;
using CascadeGuard.Simulation.Policies;
using CascadeGuard.Simulation.Population;

namespace CascadeGuard.Simulation.Runs;

/// <summary>Everything one simulated world needs: the same path and population are given to every policy of a run.</summary>
internal sealed record WorldSetup(
    PricePath Path,
    AccountPopulation Population,
    MarketParameters Market,
    ProtocolParameters Protocol,
    PolicyDefinition Policy,
    int Seed)
{
    public IndexKind Index { get; init; } = IndexKind.Indexed;

    public bool RecordSeries { get; init; }

    public SimulationProgress? Progress { get; init; }
}
