using CascadeGuard.Oracle;

namespace CascadeGuard.Breaker;

/// <summary>The stress measures the breaker derived from its inputs at one evaluation.</summary>
/// <param name="PriceDrop">1 − price / (highest price over the drop window); 0 without a price.</param>
/// <param name="Volatility">Realized volatility, as given.</param>
/// <param name="Vpin">VPIN, as given.</param>
/// <param name="InFlightToDepth">In-flight notional / depth; <see cref="double.MaxValue"/> when notional is in flight against zero depth.</param>
/// <param name="Oracle">The oracle status, as given.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct BreakerMeasures(double PriceDrop, double Volatility, double Vpin, double InFlightToDepth, OracleStatus Oracle);
