namespace CascadeGuard.Auctions;

/// <summary>
/// A sink that only counts: the uncovered debt stays with the platform. The "no buffer pool" choice, and a test double.
/// Not thread-safe (the house calls it from its own single writer).
/// </summary>
public sealed class ShortfallTally : IAuctionShortfallSink
{
    /// <summary>Number of shortfalls received.</summary>
    public int Count { get; private set; }

    /// <summary>Sum of the debts received, in money.</summary>
    public decimal Total { get; private set; }

    /// <summary>The most recent shortfall, if any.</summary>
    public AuctionShortfall? Last { get; private set; }

    /// <inheritdoc/>
    public void Absorb(in AuctionShortfall shortfall)
    {
        Total += shortfall.Debt;
        Count++;
        Last = shortfall;
    }
}
