using System.Globalization;
using CascadeGuard.Margin;
using CascadeGuard.Primitives;

namespace CascadeGuard.Engine;

/// <summary>
/// What the platform is, as the engine sees it: its assets with their risk parameters, the settlement asset debts are
/// repaid and losses counted in, the markets collateral is sold in, and the shape of an account. Fixed for the life of an
/// engine (unlike <see cref="CascadeGuardOptions"/>, which may be reloaded).
/// </summary>
/// <remarks>Immutable once built; validated by the constructor.</remarks>
public sealed class EngineDefinition
{
    /// <summary>Creates a definition.</summary>
    /// <param name="assets">Risk parameters of every asset, indexed by asset id (at most 64 assets).</param>
    /// <param name="settlementAsset">The asset debts are repaid in, markets are quoted in and ledgers count in (for example USDC).</param>
    /// <param name="markets">The markets; at most one per collateral asset, none for the settlement asset; distinct ids.</param>
    /// <param name="collateralSlots">Collateral positions per account (1..64); default 4.</param>
    /// <param name="debtSlots">Debts per account (1..64); default 2.</param>
    /// <exception cref="ArgumentException">The definition is inconsistent; the message names what.</exception>
    public EngineDefinition(RiskParameterTable assets, AssetId settlementAsset, IReadOnlyList<EngineMarket> markets, int collateralSlots = 4, int debtSlots = 2)
    {
        Guard.NotNull(assets);
        Guard.NotNull(markets);
        Guard.InRange(assets.AssetCount, 1, 64, "assets.AssetCount");
        assets.CheckAsset(settlementAsset, nameof(settlementAsset));
        Guard.InRange(collateralSlots, 1, 64);
        Guard.InRange(debtSlots, 1, 64);
        var marketOf = new int[assets.AssetCount];
        Array.Fill(marketOf, -1);
        var ids = new HashSet<int>();
        for (var i = 0; i < markets.Count; i++)
        {
            var m = markets[i];
            Guard.NotNull(m, "markets");
            assets.CheckAsset(m.Collateral, string.Create(CultureInfo.InvariantCulture, $"markets[{i}].Collateral"));
            Guard.FinitePositive(m.MinimumOrder, string.Create(CultureInfo.InvariantCulture, $"markets[{i}].MinimumOrder"));
            if (double.IsNaN(m.MaximumSlice) || m.MaximumSlice < m.MinimumOrder)
            {
                Guard.Throw(string.Create(CultureInfo.InvariantCulture, $"markets[{i}].MaximumSlice"), m.MaximumSlice, "must be at least the minimum order");
            }

            if (!ids.Add(m.Id.Value))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"markets[{i}]: {m.Id} is listed twice."), nameof(markets));
            }

            if (m.Collateral == settlementAsset || assets[m.Collateral] is null)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"markets[{i}]: {m.Collateral} must be a collateral asset other than the settlement asset."), nameof(markets));
            }

            if (marketOf[m.Collateral.Value] >= 0)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"markets[{i}]: {m.Collateral} already has a market."), nameof(markets));
            }

            marketOf[m.Collateral.Value] = i;
        }

        Assets = assets;
        SettlementAsset = settlementAsset;
        Markets = [.. markets];
        CollateralSlots = collateralSlots;
        DebtSlots = debtSlots;
        MarketIndexOfAsset = marketOf;
    }

    /// <summary>Risk parameters of every asset.</summary>
    public RiskParameterTable Assets { get; }

    /// <summary>The asset debts are repaid in and losses counted in.</summary>
    public AssetId SettlementAsset { get; }

    /// <summary>The markets.</summary>
    public IReadOnlyList<EngineMarket> Markets { get; }

    /// <summary>Collateral positions per account.</summary>
    public int CollateralSlots { get; }

    /// <summary>Debts per account.</summary>
    public int DebtSlots { get; }

    /// <summary>Index into <see cref="Markets"/> of each asset's market, or −1.</summary>
    internal int[] MarketIndexOfAsset { get; }
}
