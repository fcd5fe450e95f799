namespace CascadeGuard.Throttling;

/// <summary>
/// Market conditions that tighten a throttle, supplied by the host (for example from the volatility estimators and a
/// <see cref="Depth.VpinEstimator"/>). Validated when passed to <see cref="IVolumeThrottle.UpdateConditions"/>.
/// </summary>
/// <param name="RealizedVolatility">Realized volatility in the same units as <see cref="VolumeThrottleOptions.ReferenceVolatility"/>; finite, zero or more.</param>
/// <param name="Vpin">Order-flow toxicity in [0, 1].</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct ThrottleConditions(double RealizedVolatility, double Vpin);
