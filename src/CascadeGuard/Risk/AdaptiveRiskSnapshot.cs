using CascadeGuard.Primitives;

namespace CascadeGuard.Risk;

/// <summary>The JSON shape of an <see cref="AdaptiveRiskParameters"/> snapshot (version 1).</summary>
internal sealed class AdaptiveRiskSnapshot : IVersionedSnapshot
{
    public int Version { get; set; }

    public AdaptiveRiskOptions Options { get; set; } = null!;

    /// <summary>Current values, indexed by <see cref="RiskParameterKind"/>.</summary>
    public double[] Values { get; set; } = [];

    public long NextEvaluationTicks { get; set; }
}
