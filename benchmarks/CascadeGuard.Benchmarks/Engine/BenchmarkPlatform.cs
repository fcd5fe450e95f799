using CascadeGuard.Engine;
using CascadeGuard.Margin;
using CascadeGuard.Primitives;

namespace CascadeGuard.Benchmarks.Engine;

/// <summary>The engine benchmarks' platform: <c>markets</c> collateral assets (LT 0.8) each with a market, then the settlement asset.</summary>
internal static class BenchmarkPlatform
{
    public static EngineDefinition Definition(int markets)
    {
        var assets = new AssetRiskParameters?[markets + 1];
        var list = new List<EngineMarket>();
        for (var a = 0; a < markets; a++)
        {
            assets[a] = new AssetRiskParameters(0.7, 0.8, 0.05);
            list.Add(new EngineMarket(new MarketId(a), new AssetId(a), 0.01));
        }

        return new EngineDefinition(new RiskParameterTable(assets), new AssetId(markets), list, collateralSlots: 2, debtSlots: 1);
    }

    public static CascadeGuardOptions Options()
    {
        var options = new CascadeGuardOptions();
        options.Oracle.Smoothing = CascadeGuard.Oracle.OracleSmoothing.None;
        return options;
    }
}
