namespace CascadeGuard.Ledgers.BufferPools;

/// <summary>One pool's part of an absorption routed by a <see cref="BufferPoolSet"/>.</summary>
public sealed class PoolAllocation
{
    /// <summary>Index of the pool in <see cref="BufferPoolSet.Pools"/>.</summary>
    public int Pool { get; init; }

    /// <summary>Debt the pool cancelled.</summary>
    public decimal Debt { get; init; }

    /// <summary>Collateral the pool took (non-zero amounts only).</summary>
    public IReadOnlyList<AssetAmount> Collateral { get; init; } = [];
}
