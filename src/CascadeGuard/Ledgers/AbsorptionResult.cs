namespace CascadeGuard.Ledgers;

/// <summary>What an <see cref="ILiquidationAbsorber"/> did with a liquidation. <see cref="DebtAbsorbed"/> + <see cref="DebtRemaining"/> equals the request's debt exactly.</summary>
public readonly record struct AbsorptionResult
{
    internal AbsorptionResult(LedgerOutcome outcome, LedgerRejection rejection, long sequence, decimal debtAbsorbed, decimal debtRemaining, int poolsUsed)
    {
        Outcome = outcome;
        Rejection = rejection;
        Sequence = sequence;
        DebtAbsorbed = debtAbsorbed;
        DebtRemaining = debtRemaining;
        PoolsUsed = poolsUsed;
    }

    /// <summary>Applied, repeated (the original result is repeated) or refused (nothing changed).</summary>
    public LedgerOutcome Outcome { get; }

    /// <summary>Why it was refused.</summary>
    public LedgerRejection Rejection { get; }

    /// <summary>Journal sequence number of the absorption; 0 when nothing was absorbed or it was refused.</summary>
    public long Sequence { get; }

    /// <summary>Debt cancelled.</summary>
    public decimal DebtAbsorbed { get; }

    /// <summary>Debt left with the caller (the next step of its waterfall, or a later attempt).</summary>
    public decimal DebtRemaining { get; }

    /// <summary>Number of pools that took part (0 when nothing was absorbed, and for a duplicate).</summary>
    public int PoolsUsed { get; }
}
