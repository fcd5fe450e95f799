namespace CascadeGuard.Simulation.Runs;

/// <summary>How a world finds its liquidatable accounts (identical results; different cost).</summary>
internal enum IndexKind
{
    /// <summary><see cref="Accounts.TriggerIndex"/>: touches only the accounts the price move crosses.</summary>
    Indexed = 0,

    /// <summary><see cref="Accounts.FullScanIndex"/>: re-evaluates every account every step (the baseline).</summary>
    FullReevaluation = 1,
}
