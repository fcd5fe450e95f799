using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers.BufferPools;

/// <summary>An asset a buffer pool's depositors can gain (liquidated collateral, or a reward asset) and its quantum.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Quantum">Its smallest unit in this pool, for example <c>0.00000001</c>; amounts are whole multiples of it.</param>
public readonly record struct PoolAsset(AssetId Asset, decimal Quantum);
