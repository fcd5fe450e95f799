using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers.BufferPools;

/// <summary>One absorption routed by a <see cref="BufferPoolSet"/>, as journaled by the set.</summary>
public sealed class BufferPoolSetEvent
{
    /// <summary>Position in the set's journal, from 1, without gaps.</summary>
    public long Sequence { get; init; }

    /// <summary>The absorption's idempotency key (each pool journals its offset under a key derived from it).</summary>
    public OperationId Id { get; init; }

    /// <summary>When it was applied.</summary>
    public DateTimeOffset At { get; init; }

    /// <summary>Market of the liquidation.</summary>
    public MarketId Market { get; init; }

    /// <summary>The liquidated account.</summary>
    public AccountId Account { get; init; }

    /// <summary>Asset of the debt.</summary>
    public AssetId DebtAsset { get; init; }

    /// <summary>Debt offered.</summary>
    public decimal Debt { get; init; }

    /// <summary>Debt absorbed by all pools together.</summary>
    public decimal DebtAbsorbed { get; init; }

    /// <summary>Collateral offered with the debt.</summary>
    public IReadOnlyList<AssetAmount> Offered { get; init; } = [];

    /// <summary>What each pool took, in routing order.</summary>
    public IReadOnlyList<PoolAllocation> Allocations { get; init; } = [];
}
