namespace CascadeGuard.Simulation.Runs;

/// <summary>One world's per-step record, for charts: kept for the first run of each policy.</summary>
/// <param name="Exogenous">Exogenous price per step.</param>
/// <param name="Price">The book's mid after the step's liquidations.</param>
/// <param name="CumulativeBadDebt">Debt of accounts left without collateral so far.</param>
/// <param name="Volume">Collateral units liquidated in the step.</param>
/// <param name="HealthBefore">Accounts per health band at the start (<see cref="HealthBands"/>).</param>
/// <param name="HealthAfter">Accounts per health band at the end.</param>
internal sealed record RunSeries(double[] Exogenous, double[] Price, double[] CumulativeBadDebt, double[] Volume, int[] HealthBefore, int[] HealthAfter);
