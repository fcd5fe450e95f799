using CascadeGuard.Margin;

namespace CascadeGuard.Scheduling;

/// <summary>The route of one account's liquidation and what it carries.</summary>
/// <param name="Route">Where the liquidation goes.</param>
/// <param name="Liquidation">The minimal liquidation it was planned from.</param>
/// <param name="Request">For <see cref="LiquidationRoute.Market"/>: the request to submit to the scheduler.</param>
/// <param name="AuctionLot">For <see cref="LiquidationRoute.Auction"/>: units of the collateral to auction (all the account holds of it).</param>
/// <param name="AuctionDebt">For <see cref="LiquidationRoute.Auction"/>: the debt to raise in the unit of account, penalty included
/// (debt × (1 + penalty), as MakerDAO's <c>tab</c>).</param>
public readonly record struct LiquidationPlan(
    LiquidationRoute Route,
    MinimalLiquidation Liquidation,
    LiquidationRequest Request,
    double AuctionLot,
    double AuctionDebt);
