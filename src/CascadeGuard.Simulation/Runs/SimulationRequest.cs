using CascadeGuard.Primitives;
using CascadeGuard.Simulation.Accounts;
using CascadeGuard.Simulation.Market;
using CascadeGuard.Simulation.Paths;
using CascadeGuard.Simulation.Policies;
using CascadeGuard.Simulation.Population;

namespace CascadeGuard.Simulation.Runs;

/// <summary>A Monte Carlo request: every policy runs on the same paths and populations, with feedback on and off.</summary>
internal sealed record SimulationRequest
{
    public required Scenario Scenario { get; init; }

    public required IReadOnlyList<PolicyDefinition> Policies { get; init; }

    /// <summary>Steps per world. Default: the scenario's (1,440).</summary>
    public int? Steps { get; init; }

    /// <summary>The request's seed; run k uses a seed derived from it and k.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Runs (seeds). Default 16.</summary>
    public int Runs { get; init; } = 16;

    public MarketParameters Market { get; init; } = new();

    public PopulationParameters Population { get; init; } = new();

    public ProtocolParameters Protocol { get; init; } = new();

    public IndexKind Index { get; init; } = IndexKind.Indexed;

    /// <summary>Also run every world without feedback, for the amplification factors. Default true.</summary>
    public bool CompareWithoutFeedback { get; init; } = true;

    /// <summary>Worlds run at once. Default: all cores.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    public int StepCount => Steps ?? Scenario.DefaultSteps;

    public SimulationRequest Validate()
    {
        Guard.NotNull(Scenario);
        Guard.NotNull(Policies);
        if (Policies.Count == 0)
        {
            throw new ArgumentException("At least one policy is required.", nameof(Policies));
        }

        Guard.InRange(StepCount, 2, 1_000_000, nameof(Steps));
        Guard.InRange(Runs, 1, 10_000, nameof(Runs));
        Guard.InRange(Parallelism, 1, 1024, nameof(Parallelism));
        Market.Validate();
        Population.Validate();
        Protocol.Validate();
        return this;
    }

    /// <summary>The seed of run <paramref name="run"/> (SplitMix64 of the request seed and the run number).</summary>
    public int RunSeed(int run) => Mix(Seed, run);

    internal static int Mix(int seed, int stream)
    {
        unchecked
        {
            var z = ((ulong)(uint)seed << 32 | (uint)stream) + 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
        }
    }
}
