using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Risk;

/// <summary>
/// Configuration of <see cref="AdaptiveRiskParameters"/>: how the inputs become stress scores, how often parameters
/// may move, and each parameter's mapping. The component copies everything at construction.
/// </summary>
/// <remarks>
/// Input stress scores: <c>s_vol = clamp((σ − VolatilityCalm) / (VolatilityStressed − VolatilityCalm), 0, 1)</c>,
/// <c>s_vpin = clamp((vpin − VpinCalm) / (VpinStressed − VpinCalm), 0, 1)</c>, <c>s_congestion = congestion</c>.
/// </remarks>
public sealed class AdaptiveRiskOptions
{
    /// <summary>The evaluation interval: parameters move at most once per interval. Default 1 minute; positive, at most 366 days.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Volatility at or below which volatility stress is 0. Default 0.5 (50 % annualised). Finite, zero or positive.</summary>
    public double VolatilityCalm { get; set; } = 0.5;

    /// <summary>Volatility at or above which volatility stress is 1. Default 1.5 (150 % annualised). Above <see cref="VolatilityCalm"/>.</summary>
    public double VolatilityStressed { get; set; } = 1.5;

    /// <summary>VPIN at or below which toxicity stress is 0. Default 0.3; in [0, 1).</summary>
    public double VpinCalm { get; set; } = 0.3;

    /// <summary>VPIN at or above which toxicity stress is 1. Default 0.7; in (<see cref="VpinCalm"/>, 1].</summary>
    public double VpinStressed { get; set; } = 0.7;

    /// <summary>
    /// Liquidation threshold. Defaults: calm 0.85, stressed 0.80, bounds [0.75, 0.85], at most 0.0025 per interval,
    /// weights volatility 1, VPIN 0.5, congestion 0. Absolute range [0.01, 1].
    /// </summary>
    public AdaptiveParameterOptions LiquidationThreshold { get; set; } = new(0.85, 0.80, 0.75, 0.85, 0.0025, 1, 0.5, 0);

    /// <summary>
    /// Liquidation penalty. Defaults: calm 0.05, stressed 0.10, bounds [0.02, 0.12], at most 0.005 per interval,
    /// weights volatility 0.5, VPIN 0, congestion 1. Absolute range [0, 0.5].
    /// </summary>
    public AdaptiveParameterOptions LiquidationPenalty { get; set; } = new(0.05, 0.10, 0.02, 0.12, 0.005, 0.5, 0, 1);

    /// <summary>
    /// Throttle participation. Defaults: calm 0.10, stressed 0.03, bounds [0.01, 0.25], at most 0.01 per interval,
    /// weights volatility 0.5, VPIN 1, congestion 0.5. Absolute range [0.0001, 1].
    /// </summary>
    public AdaptiveParameterOptions ThrottleParticipation { get; set; } = new(0.10, 0.03, 0.01, 0.25, 0.01, 0.5, 1, 0.5);

    /// <summary>
    /// Slippage bound. Defaults: calm 0.01, stressed 0.03, bounds [0.005, 0.05], at most 0.0025 per interval,
    /// weights volatility 1, VPIN 0, congestion 0. Absolute range [0.0001, 0.5].
    /// </summary>
    public AdaptiveParameterOptions SlippageBound { get; set; } = new(0.01, 0.03, 0.005, 0.05, 0.0025, 1, 0, 0);

    /// <summary>The options of <paramref name="kind"/>.</summary>
    /// <param name="kind">The parameter.</param>
    /// <returns>Its options object (not a copy).</returns>
    public AdaptiveParameterOptions For(RiskParameterKind kind) => kind switch
    {
        RiskParameterKind.LiquidationThreshold => LiquidationThreshold,
        RiskParameterKind.LiquidationPenalty => LiquidationPenalty,
        RiskParameterKind.ThrottleParticipation => ThrottleParticipation,
        RiskParameterKind.SlippageBound => SlippageBound,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown risk parameter."),
    };

    /// <summary>Checks every range and cross-field rule.</summary>
    /// <exception cref="ArgumentNullException">A parameter's options object is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range; the message names the property (for example <c>SlippageBound.Maximum</c>) and value.</exception>
    public void Validate()
    {
        Guard.Positive(Interval);
        if (Interval > TimeSpan.FromDays(366))
        {
            Guard.Throw(nameof(Interval), Interval, "must be at most 366 days");
        }

        Guard.FiniteNonNegative(VolatilityCalm);
        if (!(VolatilityStressed > VolatilityCalm) || !double.IsFinite(VolatilityStressed))
        {
            Guard.Throw(nameof(VolatilityStressed), VolatilityStressed, string.Create(CultureInfo.InvariantCulture, $"must be finite and above VolatilityCalm = {VolatilityCalm}"));
        }

        Guard.InRange(VpinCalm, 0, 1);
        Guard.InHalfOpenRange(VpinStressed, VpinCalm, 1);
        Guard.NotNull(LiquidationThreshold);
        Guard.NotNull(LiquidationPenalty);
        Guard.NotNull(ThrottleParticipation);
        Guard.NotNull(SlippageBound);
        LiquidationThreshold.Validate(nameof(LiquidationThreshold), 0.01, 1);
        LiquidationPenalty.Validate(nameof(LiquidationPenalty), 0, 0.5);
        ThrottleParticipation.Validate(nameof(ThrottleParticipation), 0.0001, 1);
        SlippageBound.Validate(nameof(SlippageBound), 0.0001, 0.5);
    }

    internal AdaptiveRiskOptions Clone() => new()
    {
        Interval = Interval,
        VolatilityCalm = VolatilityCalm,
        VolatilityStressed = VolatilityStressed,
        VpinCalm = VpinCalm,
        VpinStressed = VpinStressed,
        LiquidationThreshold = LiquidationThreshold.Clone(),
        LiquidationPenalty = LiquidationPenalty.Clone(),
        ThrottleParticipation = ThrottleParticipation.Clone(),
        SlippageBound = SlippageBound.Clone(),
    };
}
