namespace CascadeGuard.Ledgers.Insurance;

/// <summary>The kind of change an <see cref="InsuranceFundEvent"/> records.</summary>
public enum InsuranceFundEventKind
{
    /// <summary>Money paid in (up to the cap).</summary>
    Inflow = 1,

    /// <summary>Money paid out to cover a shortfall (down to the floor).</summary>
    Cover = 2,

    /// <summary>Money taken out by governance (never below the floor).</summary>
    Withdrawal = 3,
}
