using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers.BufferPools;

/// <summary>The reckoning of one gain asset in a <see cref="BufferPoolAudit"/>.</summary>
public sealed class BufferPoolAssetAudit
{
    internal BufferPoolAssetAudit(AssetId asset, decimal received, decimal claimed, decimal owed)
    {
        Asset = asset;
        Received = received;
        Claimed = claimed;
        Owed = owed;
    }

    /// <summary>The asset.</summary>
    public AssetId Asset { get; }

    /// <summary>Everything the pool ever received in this asset (collateral and rewards).</summary>
    public decimal Received { get; }

    /// <summary>Everything depositors claimed.</summary>
    public decimal Claimed { get; }

    /// <summary>What the pool holds: <see cref="Received"/> − <see cref="Claimed"/>.</summary>
    public decimal Balance => Received - Claimed;

    /// <summary>The sum of every depositor's pending gain; never more than <see cref="Balance"/>.</summary>
    public decimal Owed { get; }

    /// <summary>Held but owed to nobody because each share was rounded down; carried, not lost.</summary>
    public decimal Dust => Balance - Owed;
}
