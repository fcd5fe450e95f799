namespace CascadeGuard.Simulation.Accounts;

/// <summary>
/// Finds, each step, the open accounts whose liquidation price is at or above the oracle ratio (collateral oracle over
/// debt oracle), riskiest first (highest liquidation price, then lowest id). Two implementations give identical lists:
/// <see cref="TriggerIndex"/> touches only the accounts the move crosses; <see cref="FullScanIndex"/> re-evaluates every
/// account every step (the baseline).
/// </summary>
internal abstract class LiquidationIndex
{
    /// <summary>The accounts found by the last <see cref="Collect"/>, riskiest first.</summary>
    public abstract ReadOnlySpan<int> Liquidatable { get; }

    /// <summary>Finds the liquidatable accounts at <paramref name="ratio"/>.</summary>
    public abstract void Collect(double ratio);

    /// <summary>Called after an account's position changed, so that its new liquidation price is indexed.</summary>
    public abstract void Touched(int account);

    /// <summary>Orders accounts riskiest first: by liquidation price descending, then by id.</summary>
    protected readonly struct RiskiestFirst(double[] triggers) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            var c = triggers[y].CompareTo(triggers[x]);
            return c != 0 ? c : x.CompareTo(y);
        }
    }
}
