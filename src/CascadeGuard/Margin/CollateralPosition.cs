using CascadeGuard.Primitives;

namespace CascadeGuard.Margin;

/// <summary>A holding of one collateral asset: the quantity in the asset's own units.</summary>
/// <param name="Asset">The asset held.</param>
/// <param name="Quantity">Units held; finite and zero or positive.</param>
public readonly record struct CollateralPosition(AssetId Asset, double Quantity);
