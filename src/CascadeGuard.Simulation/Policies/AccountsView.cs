using CascadeGuard.Simulation.Accounts;

namespace CascadeGuard.Simulation.Policies;

/// <summary>Read-only view of the accounts for a policy: positions in the collateral and the debt asset.</summary>
internal readonly struct AccountsView(Ledger ledger)
{
    public int Count => ledger.Count;

    /// <summary>Collateral units held.</summary>
    public double Collateral(int account) => ledger.Collateral(account);

    /// <summary>Debt owed, in the debt asset.</summary>
    public double Debt(int account) => ledger.Debt(account);

    /// <summary>The collateral price (in the debt asset) at or below which the account is liquidatable.</summary>
    public double LiquidationPrice(int account) => ledger.Triggers[account];

    /// <summary>Holds collateral and owes debt.</summary>
    public bool IsOpen(int account) => ledger.IsOpen(account);

    /// <summary>Exact collateral units.</summary>
    public decimal ExactCollateral(int account) => ledger.ExactCollateral(account);

    /// <summary>Exact debt.</summary>
    public decimal ExactDebt(int account) => ledger.ExactDebt(account);
}
