namespace CascadeGuard.Ledgers.Waterfall;

/// <summary>
/// Where a liquidation penalty went. <see cref="ToInsuranceFund"/> + <see cref="ToBufferPools"/> +
/// <see cref="Retained"/> = <see cref="Penalty"/> exactly.
/// </summary>
public readonly record struct PenaltySplit
{
    internal PenaltySplit(LedgerOutcome outcome, LedgerRejection rejection, long sequence, decimal penalty, decimal toInsuranceFund, decimal toBufferPools, decimal retained)
    {
        Outcome = outcome;
        Rejection = rejection;
        Sequence = sequence;
        Penalty = penalty;
        ToInsuranceFund = toInsuranceFund;
        ToBufferPools = toBufferPools;
        Retained = retained;
    }

    /// <summary>Applied, repeated or refused.</summary>
    public LedgerOutcome Outcome { get; }

    /// <summary>Why it was refused.</summary>
    public LedgerRejection Rejection { get; }

    /// <summary>Journal sequence number of the waterfall event.</summary>
    public long Sequence { get; }

    /// <summary>The penalty split.</summary>
    public decimal Penalty { get; }

    /// <summary>Paid into the insurance fund (its share, less anything above its cap).</summary>
    public decimal ToInsuranceFund { get; }

    /// <summary>Shared among the depositors of the first buffer pool routed for the market that has deposits.</summary>
    public decimal ToBufferPools { get; }

    /// <summary>Kept by the platform: the rest, plus shares the fund or pools could not take.</summary>
    public decimal Retained { get; }
}
