namespace CascadeGuard.Simulation.Paths;

/// <summary>
/// The exogenous world of one run, one value per step: the collateral's market price without liquidation flow (in the
/// debt asset) and the price the oracle reports for the debt asset (1 unless a scenario corrupts it).
/// </summary>
/// <param name="Start">Time of step 0.</param>
/// <param name="Step">Length of a step.</param>
/// <param name="Market">Exogenous collateral price per step.</param>
/// <param name="DebtOracle">Oracle price of the debt asset per step.</param>
internal sealed record PricePath(DateTimeOffset Start, TimeSpan Step, double[] Market, double[] DebtOracle)
{
    public int Steps => Market.Length;

    /// <summary>The lowest exogenous collateral price of the run.</summary>
    public double MarketMinimum
    {
        get
        {
            var min = double.PositiveInfinity;
            foreach (var p in Market)
            {
                min = Math.Min(min, p);
            }

            return min;
        }
    }
}
