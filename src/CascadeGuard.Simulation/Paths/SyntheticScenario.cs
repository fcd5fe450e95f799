using CascadeGuard.Primitives;
using CascadeGuard.Simulation.Runs;
using MathNet.Numerics.Distributions;

namespace CascadeGuard.Simulation.Paths;

/// <summary>
/// A synthetic day: the log price falls linearly by <see cref="ShockSize"/> over <see cref="ShockDuration"/> starting at
/// <see cref="ShockStart"/> and stays there, with seeded Gaussian log-return noise throughout. Optionally the debt asset's
/// oracle spikes (<see cref="OracleSpike"/>) while the market does not move.
/// </summary>
internal sealed class SyntheticScenario : Scenario
{
    /// <summary>BTC's daily log-return standard deviation 2016–2025 (3.62 %), from the project's shared Bitstamp/Coinbase daily bars.</summary>
    public const double DefaultDailyVolatility = 0.036;

    public SyntheticScenario(string name, string description)
    {
        Name = name;
        _description = description;
    }

    private readonly string _description;

    public override string Name { get; }

    public override string Description => _description;

    public override string Collateral => "ETH";

    public override DateTimeOffset Start => new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public override TimeSpan Duration => TimeSpan.FromDays(1);

    public override bool IsStochastic => DailyVolatility > 0;

    /// <summary>Price at step 0. Default 2,000 (ETH-like; the level does not change any result, the population is built at it).</summary>
    public double InitialPrice { get; init; } = 2000;

    /// <summary>The fall, as a fraction of the initial price. Default 0.40: below the 2020-03-12 (−48 %) and 2021-05-19 (−45 %) ETH falls.</summary>
    public double ShockSize { get; init; } = 0.40;

    /// <summary>When the fall starts. Default 1 hour.</summary>
    public TimeSpan ShockStart { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How long the fall takes. Default 1 hour.</summary>
    public TimeSpan ShockDuration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Daily standard deviation of the log-return noise. Default <see cref="DefaultDailyVolatility"/>.</summary>
    public double DailyVolatility { get; init; } = DefaultDailyVolatility;

    /// <summary>The debt asset's oracle reads 1 + this during the spike (0: no spike).</summary>
    public double OracleSpike { get; init; }

    /// <summary>When the oracle spike starts.</summary>
    public TimeSpan OracleSpikeStart { get; init; } = TimeSpan.FromHours(2);

    /// <summary>How long the oracle spike lasts.</summary>
    public TimeSpan OracleSpikeDuration { get; init; } = TimeSpan.FromHours(1);

    public override IReadOnlyList<Parameter> Parameters
    {
        get
        {
            var list = new List<Parameter>
            {
                Parameter.Number("initialPrice", InitialPrice, "USD", "ETH-like level; results do not depend on it (the population is built at it)"),
                Parameter.Number("shockSize", ShockSize, string.Empty, OracleSpike > 0 ? "no market shock: the market does not move" : "fall of the log price, below the replayed ETH crash days (−48 %, −45 %)"),
                Parameter.Number("shockStartMinutes", ShockStart.TotalMinutes, "min", "one quiet hour first"),
                Parameter.Number("shockDurationMinutes", ShockDuration.TotalMinutes, "min", "the 2020-03-12 and 2021-05-19 falls took hours; one hour is the harsher case"),
                Parameter.Number("dailyVolatility", DailyVolatility, string.Empty, "SD of BTC daily log returns 2016–2025 (3.62 %, shared Bitstamp/Coinbase daily bars)"),
            };
            if (OracleSpike > 0)
            {
                list.Add(Parameter.Number("oracleSpike", OracleSpike, string.Empty, "DAI printed 1.30 on Coinbase Pro on 2020-11-26, the price Compound's oracle used (85.2 M DAI liquidated)"));
                list.Add(Parameter.Number("oracleSpikeStartMinutes", OracleSpikeStart.TotalMinutes, "min", "an arbitrary quiet time"));
                list.Add(Parameter.Number("oracleSpikeMinutes", OracleSpikeDuration.TotalMinutes, "min", "about the length of the 2020-11-26 spike"));
            }

            return list;
        }
    }

    public override PricePath Build(int steps, int seed)
    {
        Guard.Positive(steps);
        var step = StepLength(steps);
        var random = new Random(seed);
        var sigma = DailyVolatility * Math.Sqrt(step.TotalDays);
        var fall = Math.Log(1 - ShockSize);
        var market = new double[steps];
        var oracle = Ones(steps);
        var noise = 0.0;
        for (var i = 0; i < steps; i++)
        {
            var t = step * i;
            if (i > 0 && sigma > 0)
            {
                noise += Normal.Sample(random, 0, sigma);
            }

            var progress = Math.Clamp((t - ShockStart) / ShockDuration, 0, 1);
            market[i] = InitialPrice * Math.Exp((fall * progress) + noise);
            if (OracleSpike > 0 && t >= OracleSpikeStart && t < OracleSpikeStart + OracleSpikeDuration)
            {
                oracle[i] = 1 + OracleSpike;
            }
        }

        return new PricePath(Start, step, market, oracle);
    }
}
