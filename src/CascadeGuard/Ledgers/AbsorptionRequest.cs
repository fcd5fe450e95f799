using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers;

/// <summary>
/// The argument of <see cref="ILiquidationAbsorber.Absorb"/>: one liquidation the scheduler or auction could not sell
/// into the market in time or at a price that covers its debt.
/// </summary>
/// <remarks>A stack-only value (it carries a span); build it, pass it, let it go.</remarks>
public readonly ref struct AbsorptionRequest
{
    /// <summary>Creates a request.</summary>
    /// <param name="id">Idempotency key of this absorption.</param>
    /// <param name="market">The liquidated position's market (used for routing).</param>
    /// <param name="account">The liquidated account (recorded).</param>
    /// <param name="debtAsset">The asset the debt is denominated in.</param>
    /// <param name="debt">The debt to cancel; positive.</param>
    /// <param name="collateral">The collateral offered with the debt, each asset at most once.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is not set or <paramref name="debt"/> is not positive.</exception>
    public AbsorptionRequest(OperationId id, MarketId market, AccountId account, AssetId debtAsset, decimal debt, ReadOnlySpan<AssetAmount> collateral)
    {
        OperationId.RequireSet(id, nameof(id));
        Guard.Positive(debt);
        Id = id;
        Market = market;
        Account = account;
        DebtAsset = debtAsset;
        Debt = debt;
        Collateral = collateral;
    }

    /// <summary>Idempotency key.</summary>
    public OperationId Id { get; }

    /// <summary>Market of the liquidated position.</summary>
    public MarketId Market { get; }

    /// <summary>The liquidated account.</summary>
    public AccountId Account { get; }

    /// <summary>Asset of the debt.</summary>
    public AssetId DebtAsset { get; }

    /// <summary>Debt to cancel.</summary>
    public decimal Debt { get; }

    /// <summary>Collateral offered with the debt.</summary>
    public ReadOnlySpan<AssetAmount> Collateral { get; }
}
