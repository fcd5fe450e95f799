namespace CascadeGuard.Primitives;

/// <summary>
/// One price level of an order book: a price in the unit of account per unit of the base asset, and the size
/// resting there in base units. Levels are raw host data until an <see cref="Feeds.OrderBook"/> has validated them.
/// </summary>
/// <param name="Price">Unit of account per unit of the base asset.</param>
/// <param name="Size">Base units resting at <paramref name="Price"/>.</param>
/// <remarks>Immutable and thread-safe.</remarks>
public readonly record struct BookLevel(double Price, double Size)
{
    /// <summary>The level's value in the unit of account: <c>Price × Size</c>.</summary>
    public double Notional => Price * Size;
}
