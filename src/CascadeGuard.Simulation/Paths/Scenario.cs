using CascadeGuard.Simulation.Runs;

namespace CascadeGuard.Simulation.Paths;

/// <summary>A named exogenous world: the collateral's price path without liquidation flow, and the debt asset's oracle.</summary>
internal abstract class Scenario
{
    /// <summary>The name on the command line.</summary>
    public abstract string Name { get; }

    /// <summary>One line for the report.</summary>
    public abstract string Description { get; }

    /// <summary>The collateral asset's symbol (ETH, BTC).</summary>
    public abstract string Collateral { get; }

    /// <summary>Time of step 0.</summary>
    public abstract DateTimeOffset Start { get; }

    /// <summary>The simulated span.</summary>
    public abstract TimeSpan Duration { get; }

    /// <summary>Steps when the command line does not say (1,440: one-minute steps over a day).</summary>
    public virtual int DefaultSteps => 1440;

    /// <summary>Whether the run's seed changes the path (noise); replays are the same for every seed.</summary>
    public abstract bool IsStochastic { get; }

    /// <summary>The scenario's own parameters with their sources.</summary>
    public abstract IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The path sampled at <paramref name="steps"/> equal steps over <see cref="Duration"/>.</summary>
    public abstract PricePath Build(int steps, int seed);

    /// <summary>The step length for a step count.</summary>
    public TimeSpan StepLength(int steps) => Duration / steps;

    protected static double[] Ones(int steps)
    {
        var result = new double[steps];
        Array.Fill(result, 1.0);
        return result;
    }
}
