namespace CascadeGuard.Simulation.Accounts;

/// <summary>Parties other than the borrowers and the order book that can take collateral or pay debt.</summary>
internal enum Counterparty
{
    /// <summary>Auction bidders: buy collateral off the book at the auction price.</summary>
    AuctionTakers = 0,

    /// <summary>A buffer pool: takes over collateral at a discount (its absorption is reported).</summary>
    BufferPool = 1,

    /// <summary>The insurance fund: pays debt that collateral could not cover (its absorption is reported).</summary>
    InsuranceFund = 2,
}
