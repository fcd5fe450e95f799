namespace CascadeGuard.Depth;

/// <summary>A fitted Kyle's lambda: ΔP = <see cref="Intercept"/> + <see cref="Lambda"/>·signed volume.</summary>
/// <param name="Lambda">Price change per unit of signed volume (unit of account per base unit, per base unit).</param>
/// <param name="Intercept">Price change with no net order flow.</param>
/// <param name="RSquared">Share of the price-change variance the order flow explains, in [0, 1].</param>
/// <param name="Observations">Intervals used.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct KyleLambdaEstimate(double Lambda, double Intercept, double RSquared, int Observations);
