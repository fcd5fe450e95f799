namespace CascadeGuard.Auctions;

/// <summary>
/// How much of the auction house a host has stopped (MakerDAO Clipper <c>stopped</c>). Each level includes the ones
/// before it; existing auctions keep their state and resume when the level is lowered.
/// </summary>
public enum AuctionStopLevel : byte
{
    /// <summary>Everything runs.</summary>
    None = 0,

    /// <summary>No new auctions start.</summary>
    NoNewStarts = 1,

    /// <summary>No new auctions start and none is reset.</summary>
    NoResets = 2,

    /// <summary>No new auctions, no resets, no takes: the house is frozen.</summary>
    NoTakes = 3,
}
