namespace CascadeGuard.Auctions;

/// <summary>Running totals of one collateral asset (see <see cref="AuctionAssetTotals"/> for the identities they keep).</summary>
internal sealed class AssetBook
{
    public decimal CollateralStarted { get; set; }

    public decimal CollateralSold { get; set; }

    public decimal CollateralReturned { get; set; }

    public decimal CollateralInAuction { get; set; }

    public decimal DebtStarted { get; set; }

    public decimal DebtRaised { get; set; }

    public decimal Shortfall { get; set; }

    public decimal DebtInAuction { get; set; }

    public decimal IncentivesPaid { get; set; }

    public AuctionAssetTotals ToTotals() => new(
        CollateralStarted, CollateralSold, CollateralReturned, CollateralInAuction,
        DebtStarted, DebtRaised, Shortfall, DebtInAuction, IncentivesPaid);

    /// <summary>Whether both conservation identities hold exactly.</summary>
    public bool Conserves() =>
        CollateralStarted == CollateralSold + CollateralReturned + CollateralInAuction
        && DebtStarted == DebtRaised + Shortfall + DebtInAuction;
}
