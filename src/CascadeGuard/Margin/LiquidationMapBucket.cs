namespace CascadeGuard.Margin;

/// <summary>
/// What becomes liquidatable while one asset's price falls through a price interval: the accounts whose liquidation
/// price lies in (<see cref="PriceLow"/>, <see cref="PriceHigh"/>].
/// </summary>
/// <param name="PriceHigh">Upper edge of the interval (inclusive).</param>
/// <param name="PriceLow">Lower edge of the interval (exclusive).</param>
/// <param name="Accounts">Accounts that cross into liquidation within the interval.</param>
/// <param name="DebtValue">Their debt, in the unit of account, at their liquidation prices.</param>
/// <param name="CollateralQuantity">Units of the asset they hold: the most that could be force-sold.</param>
/// <param name="CollateralNotional">That quantity valued at each account's liquidation price.</param>
public readonly record struct LiquidationMapBucket(
    double PriceHigh,
    double PriceLow,
    int Accounts,
    double DebtValue,
    double CollateralQuantity,
    double CollateralNotional);
