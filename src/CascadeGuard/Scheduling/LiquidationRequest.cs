using CascadeGuard.Primitives;

namespace CascadeGuard.Scheduling;

/// <summary>A request to liquidate part of one account's collateral in one market.</summary>
/// <param name="Account">The account.</param>
/// <param name="Market">The market the collateral is sold in (its throttle applies).</param>
/// <param name="Target">Whether <paramref name="Amount"/> is a quantity to sell or proceeds to raise.</param>
/// <param name="Amount">Base units to sell, or unit-of-account proceeds to raise; finite and positive.</param>
/// <param name="HealthFactor">The account's health factor: the urgency (lower is more urgent); finite, zero or positive.</param>
public readonly record struct LiquidationRequest(
    AccountId Account,
    MarketId Market,
    LiquidationTarget Target,
    double Amount,
    double HealthFactor);
