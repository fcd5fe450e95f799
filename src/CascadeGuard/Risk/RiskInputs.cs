using CascadeGuard.Primitives;

namespace CascadeGuard.Risk;

/// <summary>The measured market state that drives <see cref="AdaptiveRiskParameters"/>.</summary>
/// <param name="Volatility">
/// Realized volatility in the unit the options' volatility levels use (for example annualised σ from
/// <see cref="CascadeGuard.Volatility.VolatilityEstimators.Annualize"/>); finite, zero or positive.
/// </param>
/// <param name="Vpin">Volume-synchronised probability of informed trading, in [0, 1] (computed by the depth layer).</param>
/// <param name="Congestion">Normalised congestion in [0, 1], for example from <see cref="CascadeGuard.Volatility.CongestionSignal"/>.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct RiskInputs(double Volatility, double Vpin, double Congestion)
{
    /// <summary>Throws for out-of-range inputs, naming the field.</summary>
    // Names are literals: this runs on every evaluation, and concatenating them would allocate.
    internal void Validate()
    {
        Guard.FiniteNonNegative(Volatility, "inputs.Volatility");
        Guard.InRange(Vpin, 0, 1, "inputs.Vpin");
        Guard.InRange(Congestion, 0, 1, "inputs.Congestion");
    }
}
