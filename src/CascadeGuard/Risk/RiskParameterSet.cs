namespace CascadeGuard.Risk;

/// <summary>One value of each adapted risk parameter.</summary>
/// <param name="LiquidationThreshold">See <see cref="RiskParameterKind.LiquidationThreshold"/>.</param>
/// <param name="LiquidationPenalty">See <see cref="RiskParameterKind.LiquidationPenalty"/>.</param>
/// <param name="ThrottleParticipation">See <see cref="RiskParameterKind.ThrottleParticipation"/>.</param>
/// <param name="SlippageBound">See <see cref="RiskParameterKind.SlippageBound"/>.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct RiskParameterSet(
    double LiquidationThreshold,
    double LiquidationPenalty,
    double ThrottleParticipation,
    double SlippageBound)
{
    /// <summary>The value of <paramref name="kind"/>.</summary>
    /// <param name="kind">The parameter.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not a defined parameter.</exception>
    public double this[RiskParameterKind kind] => kind switch
    {
        RiskParameterKind.LiquidationThreshold => LiquidationThreshold,
        RiskParameterKind.LiquidationPenalty => LiquidationPenalty,
        RiskParameterKind.ThrottleParticipation => ThrottleParticipation,
        RiskParameterKind.SlippageBound => SlippageBound,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown risk parameter."),
    };

    internal static RiskParameterSet From(ReadOnlySpan<double> values) => new(values[0], values[1], values[2], values[3]);
}
