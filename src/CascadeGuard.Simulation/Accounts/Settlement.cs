namespace CascadeGuard.Simulation.Accounts;

/// <summary>How the proceeds of collateral taken from one account were split. All amounts exact, in the debt asset.</summary>
/// <param name="Units">Collateral units taken.</param>
/// <param name="Proceeds">What the buyer paid.</param>
/// <param name="Repaid">Debt repaid to the lender.</param>
/// <param name="Penalty">Paid to the keeper (the liquidation bonus).</param>
/// <param name="Refund">Returned to the borrower once the debt is repaid in full.</param>
/// <param name="LeftBadDebt">The account has no collateral left but still owes.</param>
internal readonly record struct Settlement(decimal Units, decimal Proceeds, decimal Repaid, decimal Penalty, decimal Refund, bool LeftBadDebt)
{
    public static Settlement None => default;
}
