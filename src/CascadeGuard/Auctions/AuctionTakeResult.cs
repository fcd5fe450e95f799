namespace CascadeGuard.Auctions;

/// <summary>The result of <see cref="DutchAuctionHouse.Take"/>.</summary>
/// <param name="Refusal">Why nothing was bought, or <see cref="AuctionRefusal.None"/>.</param>
/// <param name="Auction">The auction.</param>
/// <param name="Price">The price at the time of the take (also reported on a price refusal).</param>
/// <param name="Quantity">Collateral bought.</param>
/// <param name="Paid">Money the buyer pays: quantity × price rounded up, or exactly the remaining debt when it settles it.</param>
/// <param name="Clamped">Whether the take was reduced so that the remaining debt stays at or above the minimum.</param>
/// <param name="RemainingLot">Collateral still in the auction.</param>
/// <param name="RemainingDebt">Debt still to raise.</param>
/// <param name="Outcome">Whether the auction continues or how it ended.</param>
/// <param name="ReturnedCollateral">Collateral given back to the owner because the debt was covered.</param>
/// <param name="Shortfall">Debt handed to the shortfall sink because the lot ran out.</param>
public readonly record struct AuctionTakeResult(
    AuctionRefusal Refusal,
    AuctionId Auction,
    decimal Price,
    decimal Quantity,
    decimal Paid,
    bool Clamped,
    decimal RemainingLot,
    decimal RemainingDebt,
    AuctionOutcome Outcome,
    decimal ReturnedCollateral,
    decimal Shortfall)
{
    /// <summary>Whether anything was bought.</summary>
    public bool Taken => Refusal == AuctionRefusal.None;
}
