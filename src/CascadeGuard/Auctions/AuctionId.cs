using System.Globalization;

namespace CascadeGuard.Auctions;

/// <summary>Identifies an auction of a <see cref="DutchAuctionHouse"/>: 1, 2, 3, … in start order, never reused.</summary>
/// <param name="Value">The sequence number, positive for an issued auction.</param>
public readonly record struct AuctionId(long Value)
{
    /// <summary>Formats as <c>auction#n</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"auction#{Value}");
}
