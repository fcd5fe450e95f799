namespace CascadeGuard.Primitives;

/// <summary>
/// Which way a money amount is rounded to its quantum so that the rounding never weakens the platform's
/// solvency. Used by <see cref="MoneyConversion"/>, the single place where risk math (<see cref="double"/>) becomes
/// money (<see cref="decimal"/>).
/// </summary>
public enum SolvencyRounding
{
    /// <summary>
    /// The amount leaves the platform or a pool (a payout, a gain credited to a depositor, collateral handed over):
    /// rounded down, toward zero, so the platform never pays more than it holds.
    /// </summary>
    Pay = 0,

    /// <summary>
    /// The amount is owed to the platform or must be covered (a debt, a loss charged, a shortfall, a reserve
    /// requirement): rounded up, away from zero, so a loss is never understated.
    /// </summary>
    Collect = 1,
}
