using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers;

/// <summary>
/// The hand-off from a liquidation scheduler or auction to whatever can absorb a liquidation the market could not
/// take: it cancels (part of) the debt and takes the matching collateral in kind. <see cref="BufferPools.BufferPoolSet"/>
/// implements it; a host can plug in its own backstop.
/// </summary>
/// <remarks>
/// Implementations are idempotent by <see cref="AbsorptionRequest.Id"/> and atomic: a request is absorbed as planned
/// or not at all. Collateral is taken in proportion to the debt absorbed, rounded down in the absorber's favour
/// (what the absorber does not take stays with the caller).
/// </remarks>
public interface ILiquidationAbsorber
{
    /// <summary>How much of <paramref name="debt"/> would be absorbed now for a liquidation in this market and debt asset (pure).</summary>
    decimal GetAbsorbable(MarketId market, AssetId debtAsset, decimal debt);

    /// <summary>Absorbs as much of the liquidation as possible.</summary>
    /// <param name="request">The liquidation: debt to cancel and the collateral offered with it.</param>
    /// <param name="collateralTaken">
    /// Caller-owned, at least as long as <see cref="AbsorptionRequest.Collateral"/>: receives the amount of each
    /// offered collateral entry that was taken (same order).
    /// </param>
    /// <returns>How much debt was absorbed and how much remains with the caller.</returns>
    AbsorptionResult Absorb(in AbsorptionRequest request, Span<decimal> collateralTaken);
}
