namespace CascadeGuard.Ledgers.Waterfall;

/// <summary>What absorbs the part of a shortfall that the account, its penalty, the insurance fund and the buffer pools could not.</summary>
public enum FinalLossPolicy
{
    /// <summary>
    /// Socialization: the loss is spread across the lenders of the debt asset (the host applies it as a haircut of
    /// their balances, pro rata). Lenders always exist where debt exists, so nothing stays unabsorbed. The usual choice
    /// for a lending protocol.
    /// </summary>
    Socialize = 0,

    /// <summary>
    /// Auto-deleveraging: the most profitable, most leveraged opposite positions are closed at the bankruptcy price,
    /// in ranking order, until the loss is covered; what their capacity cannot cover stays as recorded bad debt
    /// (<see cref="WaterfallResult.Unabsorbed"/>). The usual choice for a perpetual-futures exchange.
    /// </summary>
    AutoDeleverage = 1,

    /// <summary>Auto-deleveraging first, then socialization of whatever is left.</summary>
    AutoDeleverageThenSocialize = 2,
}
