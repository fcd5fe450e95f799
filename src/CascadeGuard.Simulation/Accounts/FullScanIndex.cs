namespace CascadeGuard.Simulation.Accounts;

/// <summary>The baseline: every step tests every account.</summary>
internal sealed class FullScanIndex(Ledger ledger) : LiquidationIndex
{
    private readonly int[] _listed = new int[ledger.Count];
    private int _count;

    public override ReadOnlySpan<int> Liquidatable => _listed.AsSpan(0, _count);

    public override void Collect(double ratio)
    {
        var triggers = ledger.Triggers;
        _count = 0;
        for (var i = 0; i < triggers.Length; i++)
        {
            if (triggers[i] >= ratio && ledger.IsOpen(i))
            {
                _listed[_count++] = i;
            }
        }

        _listed.AsSpan(0, _count).Sort(new RiskiestFirst(triggers));
    }

    public override void Touched(int account)
    {
    }
}
