using CascadeGuard.Primitives;

namespace CascadeGuard.Simulation.Market;

/// <summary>
/// The market the liquidations sell into. Every default has a source or a reason (docs/simulator.md, "Parameters");
/// <see cref="Validate"/> checks ranges.
/// </summary>
internal sealed record MarketParameters
{
    /// <summary>β of the bid profile <c>Q(δ) = A·δ^β</c>. Default: the log-log fit to the Bybit XRPUSDT book (about 1.33).</summary>
    public double DepthExponent { get; init; } = DepthFit.Default.Exponent;

    /// <summary>
    /// The population's total debt at the start over the notional resting within <see cref="DepthReferenceDistance"/>
    /// of the price. Default 20: an assumption (a lending market's debt is large next to the depth a few per cent from
    /// the price); the sweep covers 10 to 160. Stated as a ratio so that results do not depend on the account count.
    /// </summary>
    public double DebtToDepth { get; init; } = 20;

    /// <summary>The distance at which depth is stated: 2 % of mid, the band market-data vendors publish ("2 % depth").</summary>
    public double DepthReferenceDistance { get; init; } = 0.02;

    /// <summary>
    /// Half-life of consumed depth (Obizhaeva–Wang resilience): other participants' flow refills the book so that half of
    /// what a sale took is back after this time. Default 10 minutes: an assumption for a stressed book; the sweep covers
    /// 1 second to 2 days.
    /// </summary>
    public TimeSpan ResilienceHalfLife { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Fraction of each sale's price move that never recovers (permanent impact); the rest decays with the resilience.
    /// Default 0.25: an assumption (permanent impact is a material share of total impact in the empirical literature,
    /// e.g. Almgren et al. 2005); range 0–1.
    /// </summary>
    public double PermanentImpactFraction { get; init; } = 0.25;

    /// <summary>Whether liquidation sales move the price. Off: prices follow the exogenous path and sales fill at it.</summary>
    public bool Feedback { get; init; } = true;

    /// <summary>A sale counts as "at a near-zero price" when it fills at or below this fraction of the exogenous price. Default 0.05.</summary>
    public double NearZeroFraction { get; init; } = 0.05;

    /// <summary>Checks every field; throws <see cref="ArgumentOutOfRangeException"/> naming the first bad one.</summary>
    public MarketParameters Validate()
    {
        Guard.InRange(DepthExponent, 0.05, 20, nameof(DepthExponent));
        Guard.InRange(DebtToDepth, 1e-6, 1e6, nameof(DebtToDepth));
        Guard.InHalfOpenRange(DepthReferenceDistance, 0, 1, nameof(DepthReferenceDistance));
        Guard.Positive(ResilienceHalfLife, nameof(ResilienceHalfLife));
        Guard.InRange(PermanentImpactFraction, 0, 1, nameof(PermanentImpactFraction));
        Guard.InRange(NearZeroFraction, 0, 1, nameof(NearZeroFraction));
        return this;
    }
}
