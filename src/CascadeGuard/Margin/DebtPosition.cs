using CascadeGuard.Primitives;

namespace CascadeGuard.Margin;

/// <summary>A debt in one asset: the amount owed in the asset's own units.</summary>
/// <param name="Asset">The asset owed.</param>
/// <param name="Amount">Units owed; finite and zero or positive.</param>
public readonly record struct DebtPosition(AssetId Asset, double Amount);
