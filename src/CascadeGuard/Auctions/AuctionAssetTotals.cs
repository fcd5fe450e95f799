namespace CascadeGuard.Auctions;

/// <summary>
/// Running totals for one collateral asset. They conserve exactly:
/// <c>CollateralStarted = CollateralSold + CollateralReturned + CollateralInAuction</c> and
/// <c>DebtStarted = DebtRaised + Shortfall + DebtInAuction</c>.
/// </summary>
/// <param name="CollateralStarted">Collateral ever put up for auction.</param>
/// <param name="CollateralSold">Collateral bought by takers.</param>
/// <param name="CollateralReturned">Collateral given back to owners when their debt was covered.</param>
/// <param name="CollateralInAuction">Collateral in running auctions.</param>
/// <param name="DebtStarted">Debt ever put up for auction.</param>
/// <param name="DebtRaised">Money paid by takers, all of it settled against debt.</param>
/// <param name="Shortfall">Debt handed to the shortfall sink.</param>
/// <param name="DebtInAuction">Debt in running auctions (what the limits count).</param>
/// <param name="IncentivesPaid">Keeper incentives owed by the platform.</param>
public readonly record struct AuctionAssetTotals(
    decimal CollateralStarted,
    decimal CollateralSold,
    decimal CollateralReturned,
    decimal CollateralInAuction,
    decimal DebtStarted,
    decimal DebtRaised,
    decimal Shortfall,
    decimal DebtInAuction,
    decimal IncentivesPaid);
