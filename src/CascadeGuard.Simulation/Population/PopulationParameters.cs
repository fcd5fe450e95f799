using CascadeGuard.Primitives;
using MathNet.Numerics.Distributions;

namespace CascadeGuard.Simulation.Population;

/// <summary>
/// How a population of accounts is drawn. Every account holds the collateral asset and owes the debt asset; its size
/// comes from <see cref="Sizes"/> and its health factor is <c>1 + Gamma(shape, scale)</c>.
/// </summary>
internal sealed record PopulationParameters
{
    /// <summary>Accounts. Default 100,000; 1 to 1,000,000.</summary>
    public int Accounts { get; init; } = 100_000;

    /// <summary>Account sizes. Default: the log-normal fit to the Compound liquidations (<see cref="SizeDistribution.Compound"/>).</summary>
    public SizeDistribution Sizes { get; init; } = SizeDistribution.Compound;

    /// <summary>
    /// Shape k of <c>HF − 1 ~ Gamma(k, θ)</c>. Default 1.5: density rising from zero at HF = 1, so few accounts sit
    /// exactly at the threshold and most within a few tens of per cent of it (the sample book of <c>cascadeguard map</c>
    /// uses the same law).
    /// </summary>
    public double HealthShape { get; init; } = 1.5;

    /// <summary>Scale θ of <c>HF − 1</c>. Default 0.35: median HF 1.41, mean 1.53 (median leverage 2.4 at LT 0.83).</summary>
    public double HealthScale { get; init; } = 0.35;

    /// <summary>The median health factor the law gives.</summary>
    public double MedianHealthFactor => 1 + (HealthScale * Gamma.InvCDF(HealthShape, 1, 0.5));

    /// <summary>
    /// The same law with the scale set so that the median account's leverage (collateral over equity, at the liquidation
    /// threshold <paramref name="threshold"/>) is <paramref name="leverage"/>: <c>HF_median = LT·L/(L − 1)</c>.
    /// </summary>
    public PopulationParameters WithMedianLeverage(double leverage, double threshold)
    {
        Guard.InRange(leverage, 1.01, 100, nameof(leverage));
        var medianHealth = threshold * leverage / (leverage - 1);
        if (medianHealth <= 1)
        {
            Guard.Throw(nameof(leverage), leverage, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"gives a median health factor of {medianHealth:G4} at LT {threshold}; it must be above 1"));
        }

        return this with { HealthScale = (medianHealth - 1) / Gamma.InvCDF(HealthShape, 1, 0.5) };
    }

    /// <summary>The median account's leverage at liquidation threshold <paramref name="threshold"/>.</summary>
    public double MedianLeverage(double threshold) => 1 / (1 - (threshold / MedianHealthFactor));

    public PopulationParameters Validate()
    {
        Guard.InRange(Accounts, 1, 1_000_000, nameof(Accounts));
        Guard.InRange(HealthShape, 0.05, 100, nameof(HealthShape));
        Guard.InRange(HealthScale, 1e-6, 100, nameof(HealthScale));
        return this;
    }
}
