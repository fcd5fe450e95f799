using CascadeGuard.Simulation.Runs;

namespace CascadeGuard.Simulation.Policies;

/// <summary>
/// A named policy: its rules in one sentence for the report, and a factory of one <see cref="ILiquidationPolicy"/> per
/// simulated world (worlds run in parallel; instances are never shared).
/// </summary>
internal abstract class PolicyDefinition
{
    /// <summary>The name on the command line and in JSON.</summary>
    public abstract string Name { get; }

    /// <summary>The policy's rules, one sentence.</summary>
    public abstract string Rules { get; }

    /// <summary>The policy's own parameters with their sources, printed in the report after the world's (none by default).</summary>
    public virtual IReadOnlyList<Parameter> Parameters => [];

    public abstract ILiquidationPolicy Create(PolicySetup setup);
}
