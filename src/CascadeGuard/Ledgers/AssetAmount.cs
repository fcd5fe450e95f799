using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers;

/// <summary>An exact amount of one asset, for example collateral handed to a buffer pool.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Amount">The amount; the ledger that receives it checks it is zero or positive and a whole number of its quantum.</param>
public readonly record struct AssetAmount(AssetId Asset, decimal Amount);
