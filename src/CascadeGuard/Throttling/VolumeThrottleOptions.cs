using CascadeGuard.Depth;
using CascadeGuard.Primitives;

namespace CascadeGuard.Throttling;

/// <summary>
/// Settings of a <see cref="VolumeThrottle"/>. A plain class for configuration binding; the throttle validates and copies it
/// at construction, so later changes to this object do not affect a running throttle. See docs/throttle.md.
/// </summary>
public sealed class VolumeThrottleOptions
{
    /// <summary>The slippage bound that defines the book's depth, in basis points; in [0, 10 000]. Default 50.</summary>
    public double MaxSlippageBps { get; set; } = 50;

    /// <summary>Whether the bound applies to the average or the worst price. Default <see cref="SlippageMeasure.AveragePrice"/>.</summary>
    public SlippageMeasure SlippageMeasure { get; set; } = SlippageMeasure.AveragePrice;

    /// <summary>The price slippage is measured from. Default <see cref="SlippageReference.Mid"/>.</summary>
    public SlippageReference SlippageReference { get; set; } = SlippageReference.Mid;

    /// <summary>The share of the depth within the bound the throttle may use; in (0, 1]. Default 0.25.</summary>
    public double DepthParticipation { get; set; } = 0.25;

    /// <summary>
    /// The share of trailing market volume the throttle's own fills may reach; in (0, 1], or
    /// <see cref="double.PositiveInfinity"/> to drop the volume term. Default 0.1.
    /// </summary>
    public double VolumeParticipation { get; set; } = 0.1;

    /// <summary>The trailing window market volume is summed over; positive. Default 5 minutes.</summary>
    public TimeSpan VolumeWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Buckets the window is divided into; in [1, 3 600], and the window must divide into them to the tick. The window
    /// read at time t covers the bucket holding t and the buckets before it, so it spans between
    /// <c>window − window/buckets</c> and <c>window</c>. Default 60.
    /// </summary>
    public int VolumeWindowBuckets { get; set; } = 60;

    /// <summary>
    /// The most notional (unit of account, at fill prices) that may be filled per interval; finite and positive, or
    /// <see cref="double.PositiveInfinity"/> for no cap. Default no cap.
    /// </summary>
    public double MaxNotionalPerInterval { get; set; } = double.PositiveInfinity;

    /// <summary>The interval of the notional cap; positive. Intervals are aligned to the throttle's creation. Default 1 minute.</summary>
    public TimeSpan NotionalInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The half-life with which depth consumed by the throttle's fills recovers; positive. Default 30 seconds.</summary>
    public TimeSpan RecoveryHalfLife { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The oldest a depth report may be and still be used; zero or more. Default 10 seconds.</summary>
    public TimeSpan MaxDepthAge { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Realized volatility at and below which the budget is not tightened; above it the budget scales by
    /// <c>reference ÷ realized</c>. Finite and positive, in the host's units (those of <see cref="ThrottleConditions.RealizedVolatility"/>).
    /// Default 0.6 (for example 60 % annualized).
    /// </summary>
    public double ReferenceVolatility { get; set; } = 0.6;

    /// <summary>VPIN at and below which the budget is not tightened; in [0, 1), below <see cref="VpinCeiling"/>. Default 0.3.</summary>
    public double VpinThreshold { get; set; } = 0.3;

    /// <summary>VPIN at and above which the VPIN multiplier reaches <see cref="MinimumMultiplier"/>; in (0, 1]. Default 0.7.</summary>
    public double VpinCeiling { get; set; } = 0.7;

    /// <summary>The floor of the combined tightening multiplier; in (0, 1]. Default 0.25.</summary>
    public double MinimumMultiplier { get; set; } = 0.25;

    /// <summary>
    /// The most reservations that may be open at once; in [1, 1 000 000]. Default 65 536: a bound on the lease book's memory
    /// that a crash on a large platform does not reach (at 1 024, the cascade simulator's 100,000-account crash ran out of
    /// leases within a tick and left accounts waiting under water even with an infinitely deep book).
    /// </summary>
    public int MaxOpenLeases { get; set; } = 65_536;

    /// <summary>Checks every setting and the rules between them.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A setting is out of range; the message names it and its value.</exception>
    public void Validate()
    {
        Guard.InRange(MaxSlippageBps, 0.0, 10_000.0);
        if ((uint)SlippageMeasure > (uint)SlippageMeasure.WorstPrice)
        {
            Guard.Throw(nameof(SlippageMeasure), SlippageMeasure, "must be a defined measure");
        }

        if ((uint)SlippageReference > (uint)SlippageReference.Best)
        {
            Guard.Throw(nameof(SlippageReference), SlippageReference, "must be a defined reference");
        }

        Guard.InHalfOpenRange(DepthParticipation, 0.0, 1.0);
        if (!double.IsPositiveInfinity(VolumeParticipation))
        {
            Guard.InHalfOpenRange(VolumeParticipation, 0.0, 1.0);
        }

        Guard.Positive(VolumeWindow);
        Guard.InRange(VolumeWindowBuckets, 1, 3600);
        if (VolumeWindow.Ticks % VolumeWindowBuckets != 0)
        {
            Guard.Throw(nameof(VolumeWindow), VolumeWindow, $"must divide into {VolumeWindowBuckets} buckets of whole ticks");
        }

        if (!double.IsPositiveInfinity(MaxNotionalPerInterval))
        {
            Guard.FinitePositive(MaxNotionalPerInterval);
        }

        Guard.Positive(NotionalInterval);
        Guard.Positive(RecoveryHalfLife);
        Guard.NonNegative(MaxDepthAge);
        Guard.FinitePositive(ReferenceVolatility);
        if (!double.IsFinite(VpinThreshold) || VpinThreshold < 0 || VpinThreshold >= 1)
        {
            Guard.Throw(nameof(VpinThreshold), VpinThreshold, "must be finite and in [0, 1)");
        }

        Guard.InHalfOpenRange(VpinCeiling, 0.0, 1.0);
        if (VpinCeiling <= VpinThreshold)
        {
            Guard.Throw(nameof(VpinCeiling), VpinCeiling, $"must be above {nameof(VpinThreshold)} ({VpinThreshold})");
        }

        Guard.InHalfOpenRange(MinimumMultiplier, 0.0, 1.0);
        Guard.InRange(MaxOpenLeases, 1, 1_000_000);
    }

    /// <summary>A copy, so the throttle holds settings no caller can change.</summary>
    internal VolumeThrottleOptions Clone() => FromState(ToState());

    /// <summary>The saved form of these settings.</summary>
    internal OptionsState ToState() => new()
    {
        MaxSlippageBps = MaxSlippageBps,
        SlippageMeasure = SlippageMeasure,
        SlippageReference = SlippageReference,
        DepthParticipation = DepthParticipation,
        VolumeParticipation = VolumeParticipation,
        VolumeWindow = VolumeWindow.Ticks,
        VolumeWindowBuckets = VolumeWindowBuckets,
        MaxNotionalPerInterval = MaxNotionalPerInterval,
        NotionalInterval = NotionalInterval.Ticks,
        RecoveryHalfLife = RecoveryHalfLife.Ticks,
        MaxDepthAge = MaxDepthAge.Ticks,
        ReferenceVolatility = ReferenceVolatility,
        VpinThreshold = VpinThreshold,
        VpinCeiling = VpinCeiling,
        MinimumMultiplier = MinimumMultiplier,
        MaxOpenLeases = MaxOpenLeases,
    };

    /// <summary>Settings from their saved form, validated; a failure names the snapshot field.</summary>
    internal static VolumeThrottleOptions FromState(OptionsState? s)
    {
        s = SnapshotJson.Present(s, "options");
        var options = new VolumeThrottleOptions
        {
            MaxSlippageBps = s.MaxSlippageBps,
            SlippageMeasure = s.SlippageMeasure,
            SlippageReference = s.SlippageReference,
            DepthParticipation = s.DepthParticipation,
            VolumeParticipation = s.VolumeParticipation,
            VolumeWindow = TimeSpan.FromTicks(s.VolumeWindow),
            VolumeWindowBuckets = s.VolumeWindowBuckets,
            MaxNotionalPerInterval = s.MaxNotionalPerInterval,
            NotionalInterval = TimeSpan.FromTicks(s.NotionalInterval),
            RecoveryHalfLife = TimeSpan.FromTicks(s.RecoveryHalfLife),
            MaxDepthAge = TimeSpan.FromTicks(s.MaxDepthAge),
            ReferenceVolatility = s.ReferenceVolatility,
            VpinThreshold = s.VpinThreshold,
            VpinCeiling = s.VpinCeiling,
            MinimumMultiplier = s.MinimumMultiplier,
            MaxOpenLeases = s.MaxOpenLeases,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw SnapshotJson.InvalidOptions($"options.{e.ParamName}", e);
        }

        return options;
    }
}

