namespace CascadeGuard.Margin;

/// <summary>
/// Where one asset's price must go, all other prices held, for an account to become liquidatable (health factor ≤ 1).
/// </summary>
/// <param name="Below">The highest price at or below which the account is liquidatable; NaN when no fall of this price
/// can make it liquidatable; +∞ when it is liquidatable at every price.</param>
/// <param name="Above">The lowest price at or above which the account is liquidatable (when the asset is also owed, a rise
/// can breach); NaN when no rise can; 0 when it is liquidatable at every price.</param>
public readonly record struct LiquidationPrice(double Below, double Above)
{
    /// <summary>No price of the asset can make the account liquidatable.</summary>
    public static LiquidationPrice None => new(double.NaN, double.NaN);

    /// <summary>The account is liquidatable whatever the asset's price.</summary>
    public static LiquidationPrice Always => new(double.PositiveInfinity, 0.0);

    /// <summary>Whether a fall of the price can make the account liquidatable.</summary>
    public bool HasBelow => !double.IsNaN(Below);

    /// <summary>Whether a rise of the price can make the account liquidatable.</summary>
    public bool HasAbove => !double.IsNaN(Above);

    /// <summary>Whether the account is liquidatable at <paramref name="price"/> by this result.</summary>
    /// <param name="price">A price of the asset.</param>
    /// <returns><see langword="true"/> when <paramref name="price"/> ≤ <see cref="Below"/> or ≥ <see cref="Above"/>.</returns>
    public bool IsLiquidatableAt(double price) => price <= Below || price >= Above;
}
