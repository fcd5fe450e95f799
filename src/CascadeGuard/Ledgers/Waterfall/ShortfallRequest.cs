using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers.Waterfall;

/// <summary>
/// The argument of <see cref="LossWaterfall.Absorb(in ShortfallRequest, ReadOnlySpan{AdlCandidate}, Span{AdlAllocation})"/>:
/// a liquidation that left debt uncovered by the sale of its collateral. All amounts are in the insurance fund's
/// asset and whole numbers of its quantum.
/// </summary>
public readonly record struct ShortfallRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="id">Idempotency key.</param>
    /// <param name="account">The liquidated account.</param>
    /// <param name="market">Its market (routes the buffer-pool step; keys the socialized loss).</param>
    /// <param name="shortfall">Debt left uncovered; positive.</param>
    /// <param name="accountCollateral">The account's own remaining collateral value (not part of the sale), usable first; zero or positive.</param>
    /// <param name="penalty">The liquidation penalty charged on this liquidation, which is waived to cover the debt next; zero or positive.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not set or an amount is out of range.</exception>
    public ShortfallRequest(OperationId id, AccountId account, MarketId market, decimal shortfall, decimal accountCollateral = 0m, decimal penalty = 0m)
    {
        OperationId.RequireSet(id, nameof(id));
        Guard.Positive(shortfall);
        Guard.NonNegative(accountCollateral);
        Guard.NonNegative(penalty);
        Id = id;
        Account = account;
        Market = market;
        Shortfall = shortfall;
        AccountCollateral = accountCollateral;
        Penalty = penalty;
    }

    /// <summary>Idempotency key.</summary>
    public OperationId Id { get; }

    /// <summary>The liquidated account.</summary>
    public AccountId Account { get; }

    /// <summary>Its market.</summary>
    public MarketId Market { get; }

    /// <summary>Debt left uncovered.</summary>
    public decimal Shortfall { get; }

    /// <summary>The account's own remaining collateral value.</summary>
    public decimal AccountCollateral { get; }

    /// <summary>The penalty that can be waived.</summary>
    public decimal Penalty { get; }
}
