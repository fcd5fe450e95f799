namespace CascadeGuard.Auctions;

/// <summary>Why an auction command was not carried out. Refusals are expected outcomes (keepers race, limits fill); the
/// state is unchanged by them.</summary>
public enum AuctionRefusal : byte
{
    /// <summary>Carried out.</summary>
    None = 0,

    /// <summary>The host's <see cref="AuctionStopLevel"/> forbids this command now.</summary>
    Stopped = 1,

    /// <summary>No room under the global or per-asset debt-in-auction limit; try again when auctions finish.</summary>
    LimitFull = 2,

    /// <summary>Only part of the debt fits under the limit, and that part or the rest would be below the minimum debt (or the
    /// part would carry no collateral); try again when auctions finish.</summary>
    PartialStartDust = 3,

    /// <summary>The auction has finished (debt raised or lot sold).</summary>
    AuctionFinished = 4,

    /// <summary>The auction is too old or its price too low: it must be reset before it can be taken.</summary>
    NeedsReset = 5,

    /// <summary>The auction's current price is above the buyer's maximum.</summary>
    PriceAboveLimit = 6,

    /// <summary>The remaining debt is at or below the minimum debt: only a take that settles it all (or buys the whole lot)
    /// is allowed.</summary>
    PartialTakeNotAllowed = 7,

    /// <summary>The take would buy no collateral on the quantity grid: clamped to leave the minimum debt, or settling a
    /// remaining debt worth less than one quantity unit at this price.</summary>
    TakeTooSmall = 8,

    /// <summary>The auction does not need a reset yet.</summary>
    NotResettable = 9,
}
