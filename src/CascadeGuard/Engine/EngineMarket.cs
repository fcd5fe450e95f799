using CascadeGuard.Primitives;

namespace CascadeGuard.Engine;

/// <summary>
/// A market the engine may sell collateral in: the collateral (base) asset traded against the platform's settlement
/// asset, with the venue's order-size rules.
/// </summary>
/// <param name="Id">The market; its book comes from the host's order-book feed under this id.</param>
/// <param name="Collateral">The asset sold.</param>
/// <param name="MinimumOrder">The smallest quantity the venue accepts, in units of the collateral; finite, positive.</param>
/// <param name="MaximumSlice">The largest single sale; at least <paramref name="MinimumOrder"/>, or +∞.</param>
public sealed record EngineMarket(MarketId Id, AssetId Collateral, double MinimumOrder, double MaximumSlice = double.PositiveInfinity);
