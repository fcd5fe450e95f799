namespace CascadeGuard.Simulation.Accounts;

/// <summary>How the proceeds of collateral taken from an account are split between the penalty, the debt and the borrower.</summary>
internal enum SettlementRule
{
    /// <summary>
    /// The lending protocol's: the proceeds repay <c>⌊proceeds / (1 + penalty)⌋</c> of debt (to the millionth) and the rest
    /// is penalty; once the debt is repaid in full the penalty is capped at <c>⌈debt × penalty⌉</c> and the rest refunded.
    /// </summary>
    Protocol = 0,

    /// <summary>
    /// CascadeGuard's engine's (<c>ApplyFill</c>, <c>TakeAuction</c>): the penalty is <c>⌊proceeds · penalty / (1 + penalty)⌋</c>
    /// (to the millionth), the rest repays debt, and what exceeds the debt goes back to the borrower. With this rule the
    /// ledger and the engine split every fill the same way.
    /// </summary>
    Engine = 1,
}
