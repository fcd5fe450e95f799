using CascadeGuard.Primitives;

namespace CascadeGuard.Risk;

/// <summary>
/// How one risk parameter adapts. Its stress score is
/// <c>s = clamp(VolatilityWeight·s_vol + VpinWeight·s_vpin + CongestionWeight·s_congestion, 0, 1)</c>; its target is
/// <c>clamp(Calm + (Stressed − Calm)·s, Minimum, Maximum)</c>; each evaluation moves the value toward the target by
/// at most <see cref="MaxChangePerInterval"/>. <see cref="PinnedValue"/> fixes it instead. See docs/adaptive-parameters.md.
/// </summary>
public sealed class AdaptiveParameterOptions
{
    /// <summary>The value with no stress (s = 0); also the initial value. Must lie in [<see cref="Minimum"/>, <see cref="Maximum"/>].</summary>
    public double Calm { get; set; }

    /// <summary>The value at full stress (s = 1); above or below <see cref="Calm"/>. Must lie in [<see cref="Minimum"/>, <see cref="Maximum"/>].</summary>
    public double Stressed { get; set; }

    /// <summary>The lowest value the platform approved (hard bound).</summary>
    public double Minimum { get; set; }

    /// <summary>The highest value the platform approved (hard bound).</summary>
    public double Maximum { get; set; }

    /// <summary>The largest move per evaluation interval, in the parameter's unit; finite and positive.</summary>
    public double MaxChangePerInterval { get; set; }

    /// <summary>Weight of the volatility stress; finite, zero or positive.</summary>
    public double VolatilityWeight { get; set; }

    /// <summary>Weight of the VPIN stress; finite, zero or positive.</summary>
    public double VpinWeight { get; set; }

    /// <summary>Weight of the congestion stress; finite, zero or positive.</summary>
    public double CongestionWeight { get; set; }

    /// <summary>When set, the parameter is pinned at this value (within the bounds) and never adapts. Default null.</summary>
    public double? PinnedValue { get; set; }

    /// <summary>Creates options with every value zero; set them, or start from <see cref="AdaptiveRiskOptions"/>' defaults.</summary>
    public AdaptiveParameterOptions()
    {
    }

    internal AdaptiveParameterOptions(double calm, double stressed, double minimum, double maximum, double maxChange, double volatilityWeight, double vpinWeight, double congestionWeight)
    {
        Calm = calm;
        Stressed = stressed;
        Minimum = minimum;
        Maximum = maximum;
        MaxChangePerInterval = maxChange;
        VolatilityWeight = volatilityWeight;
        VpinWeight = vpinWeight;
        CongestionWeight = congestionWeight;
    }

    /// <summary>The value before any evaluation: the pinned value, or <see cref="Calm"/>.</summary>
    internal double Initial => PinnedValue ?? Calm;

    internal AdaptiveParameterOptions Clone() => (AdaptiveParameterOptions)MemberwiseClone();

    /// <summary>Checks ranges against the parameter's absolute range [<paramref name="lowest"/>, <paramref name="highest"/>].</summary>
    internal void Validate(string name, double lowest, double highest)
    {
        Guard.InRange(Minimum, lowest, highest, name + "." + nameof(Minimum));
        Guard.InRange(Maximum, Minimum, highest, name + "." + nameof(Maximum));
        Guard.InRange(Calm, Minimum, Maximum, name + "." + nameof(Calm));
        Guard.InRange(Stressed, Minimum, Maximum, name + "." + nameof(Stressed));
        Guard.FinitePositive(MaxChangePerInterval, name + "." + nameof(MaxChangePerInterval));
        Guard.FiniteNonNegative(VolatilityWeight, name + "." + nameof(VolatilityWeight));
        Guard.FiniteNonNegative(VpinWeight, name + "." + nameof(VpinWeight));
        Guard.FiniteNonNegative(CongestionWeight, name + "." + nameof(CongestionWeight));
        if (PinnedValue is { } pinned)
        {
            Guard.InRange(pinned, Minimum, Maximum, name + "." + nameof(PinnedValue));
        }
    }
}
