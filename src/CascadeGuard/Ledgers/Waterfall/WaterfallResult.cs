namespace CascadeGuard.Ledgers.Waterfall;

/// <summary>
/// What each step of the loss waterfall covered. The steps add up to <see cref="Shortfall"/> exactly:
/// <see cref="ByAccountCollateral"/> + <see cref="ByPenalty"/> + <see cref="ByInsuranceFund"/> +
/// <see cref="ByBufferPools"/> + <see cref="ByAutoDeleveraging"/> + <see cref="BySocialization"/> +
/// <see cref="Unabsorbed"/> = <see cref="Shortfall"/>.
/// </summary>
public readonly record struct WaterfallResult
{
    internal WaterfallResult(LedgerOutcome outcome, LedgerRejection rejection, long sequence, decimal shortfall, ReadOnlySpan<decimal> steps, int allocations)
    {
        Outcome = outcome;
        Rejection = rejection;
        Sequence = sequence;
        Shortfall = shortfall;
        if (!steps.IsEmpty)
        {
            ByAccountCollateral = steps[0];
            ByPenalty = steps[1];
            ByInsuranceFund = steps[2];
            ByBufferPools = steps[3];
            ByAutoDeleveraging = steps[4];
            BySocialization = steps[5];
            Unabsorbed = steps[6];
        }

        AdlAllocations = allocations;
    }

    /// <summary>Applied, repeated (the original result again) or refused (nothing changed anywhere).</summary>
    public LedgerOutcome Outcome { get; }

    /// <summary>Why it was refused.</summary>
    public LedgerRejection Rejection { get; }

    /// <summary>Journal sequence number of the waterfall event (the original one for a duplicate).</summary>
    public long Sequence { get; }

    /// <summary>The shortfall the steps share.</summary>
    public decimal Shortfall { get; }

    /// <summary>Step 1: the account's own remaining collateral.</summary>
    public decimal ByAccountCollateral { get; }

    /// <summary>Step 2: the liquidation penalty, waived.</summary>
    public decimal ByPenalty { get; }

    /// <summary>Step 3: the insurance fund, down to its floor.</summary>
    public decimal ByInsuranceFund { get; }

    /// <summary>Step 4: the buffer pools (deposits burned pro rata).</summary>
    public decimal ByBufferPools { get; }

    /// <summary>Step 5a: auto-deleveraging of opposite positions.</summary>
    public decimal ByAutoDeleveraging { get; }

    /// <summary>Step 5b: socialized across lenders.</summary>
    public decimal BySocialization { get; }

    /// <summary>What nothing absorbed: recorded as the platform's bad debt.</summary>
    public decimal Unabsorbed { get; }

    /// <summary>How many auto-deleveraging allocations were written to the caller's span.</summary>
    public int AdlAllocations { get; }
}
