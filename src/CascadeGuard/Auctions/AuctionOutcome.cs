namespace CascadeGuard.Auctions;

/// <summary>Where an auction stands after a take.</summary>
public enum AuctionOutcome : byte
{
    /// <summary>Still running: collateral and debt remain.</summary>
    Continuing = 0,

    /// <summary>All debt was raised; any collateral left was returned to the owner.</summary>
    DebtCovered = 1,

    /// <summary>All collateral was sold with debt left over; the rest went to the <see cref="IAuctionShortfallSink"/>.</summary>
    LotExhausted = 2,
}
