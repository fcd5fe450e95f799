namespace CascadeGuard.Auctions;

/// <summary>A snapshot of a house's counters. Money sums over every asset.</summary>
/// <param name="ActiveAuctions">Auctions running.</param>
/// <param name="Starts">Auctions started.</param>
/// <param name="Takes">Takes carried out.</param>
/// <param name="Resets">Resets carried out.</param>
/// <param name="DebtStarted">Debt ever put up for auction.</param>
/// <param name="DebtRaised">Money raised and settled against debt.</param>
/// <param name="Shortfall">Debt handed to the shortfall sink.</param>
/// <param name="DebtInAuction">Debt in running auctions.</param>
/// <param name="IncentivesPaid">Keeper incentives owed by the platform.</param>
public readonly record struct AuctionHouseStatistics(
    int ActiveAuctions,
    long Starts,
    long Takes,
    long Resets,
    decimal DebtStarted,
    decimal DebtRaised,
    decimal Shortfall,
    decimal DebtInAuction,
    decimal IncentivesPaid);
