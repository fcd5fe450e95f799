using CascadeGuard.Primitives;
using CascadeGuard.Simulation.Accounts;
using CascadeGuard.Simulation.Market;
using CascadeGuard.Simulation.Policies;
using CascadeGuard.Simulation.Population;

namespace CascadeGuard.Simulation.Runs;

/// <summary>
/// A grid of synthetic scenarios: shock size × debt relative to depth × resilience half-life × median leverage. In
/// every cell <see cref="Policy"/> and <see cref="Baseline"/> run on the same paths and populations.
/// </summary>
internal sealed record SweepRequest
{
    public double[] Shocks { get; init; } = [0.2, 0.4, 0.6];

    public double[] DebtToDepth { get; init; } = [10, 40, 160];

    public TimeSpan[] HalfLives { get; init; } =
    [
        TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromDays(1), TimeSpan.FromDays(2),
    ];

    /// <summary>Median account leverage (collateral over equity); sets the health-factor scale.</summary>
    public double[] Leverage { get; init; } = [2, 3, 4];

    public required PolicyDefinition Policy { get; init; }

    public required PolicyDefinition Baseline { get; init; }

    public int Accounts { get; init; } = 10_000;

    public int Runs { get; init; } = 2;

    public int Seed { get; init; } = 1;

    public int Steps { get; init; } = 1440;

    public MarketParameters Market { get; init; } = new();

    public PopulationParameters Population { get; init; } = new();

    public ProtocolParameters Protocol { get; init; } = new();

    public int Parallelism { get; init; } = Environment.ProcessorCount;

    public int Cells => Shocks.Length * DebtToDepth.Length * HalfLives.Length * Leverage.Length;

    public SweepRequest Validate()
    {
        Guard.NotNull(Policy);
        Guard.NotNull(Baseline);
        Check(Shocks, 0, 0.99, nameof(Shocks));
        Check(DebtToDepth, 1e-6, 1e6, nameof(DebtToDepth));
        Check(Leverage, 1.01, 100, nameof(Leverage));
        if (HalfLives.Length == 0)
        {
            throw new ArgumentException("At least one half-life is required.", nameof(HalfLives));
        }

        foreach (var h in HalfLives)
        {
            Guard.Positive(h, nameof(HalfLives));
        }

        foreach (var l in Leverage)
        {
            _ = Population.WithMedianLeverage(l, Protocol.LiquidationThreshold);
        }

        Guard.InRange(Accounts, 1, 1_000_000, nameof(Accounts));
        Guard.InRange(Runs, 1, 1000, nameof(Runs));
        Guard.InRange(Steps, 2, 1_000_000, nameof(Steps));
        Guard.InRange(Parallelism, 1, 1024, nameof(Parallelism));
        Market.Validate();
        Protocol.Validate();
        return this;
    }

    private static void Check(double[] values, double min, double max, string name)
    {
        if (values.Length == 0)
        {
            throw new ArgumentException($"At least one value of {name} is required.", name);
        }

        foreach (var v in values)
        {
            Guard.InRange(v, min, max, name);
        }
    }
}
