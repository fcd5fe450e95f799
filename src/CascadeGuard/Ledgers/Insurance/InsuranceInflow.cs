namespace CascadeGuard.Ledgers.Insurance;

/// <summary>Where money paid into an <see cref="InsuranceFund"/> comes from (kept separately in its totals).</summary>
public enum InsuranceInflow
{
    /// <summary>The fund's share of a liquidation penalty.</summary>
    PenaltyShare = 1,

    /// <summary>A share of trading or borrowing fees.</summary>
    Fee = 2,

    /// <summary>A direct top-up by the platform or a backstop provider.</summary>
    Contribution = 3,
}
