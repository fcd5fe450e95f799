namespace CascadeGuard.Margin;

/// <summary>What a minimal-liquidation calculation concluded.</summary>
public enum LiquidationOutcome : byte
{
    /// <summary>The account is not liquidatable; nothing is to be sold.</summary>
    NotRequired = 0,

    /// <summary>The amounts bring the health factor to the target; no smaller sale does.</summary>
    Restored = 1,

    /// <summary>The close factor caps the repayment below what the target needs; the health factor improves but stays below it.</summary>
    CappedByCloseFactor = 2,

    /// <summary>The repayment would have left a debt remainder below the dust minimum, so the whole debt is repaid.</summary>
    FullRepayment = 3,

    /// <summary>
    /// Selling the chosen collateral cannot bring the account to the target (too deep, too little of that collateral, or the
    /// penalty and slippage outweigh the debt retired). Route it to an auction or a buffer pool; the amounts are zero.
    /// </summary>
    CannotRestore = 4,
}
