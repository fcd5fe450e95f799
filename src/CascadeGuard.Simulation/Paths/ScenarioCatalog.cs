using CascadeGuard.Simulation.Data;

namespace CascadeGuard.Simulation.Paths;

/// <summary>The named scenarios.</summary>
internal static class ScenarioCatalog
{
    public const string Default = "synthetic";

    private static readonly string EthSource = "CoinAPI ETH/USD 10-min bars via BerkeleyBlockchain/stablesims (Data/README.md)";

    /// <summary>The names, in the order the help text lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["synthetic", "black-thursday-2020", "may-2021", "ftx-jan-2022", "oracle-spike"];

    /// <summary>The scenario of that name, or null.</summary>
    public static Scenario? Find(string name) => name switch
    {
        "synthetic" => new SyntheticScenario("synthetic", "ETH falls 40 % over one hour, then noise; seeded"),
        "black-thursday-2020" => new ReplayScenario(
            "black-thursday-2020", "ETH/USD on 2020-03-12 (Black Thursday): 195 → 101 (−48 %)", "ETH", EmbeddedData.EthStressDays, "period_start_utc",
            TimeSpan.FromMinutes(10), new DateTimeOffset(2020, 3, 12, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(1), EthSource),
        "may-2021" => new ReplayScenario(
            "may-2021", "ETH/USD on 2021-05-19: 3,376 → 1,862 (−45 %)", "ETH", EmbeddedData.EthStressDays, "period_start_utc",
            TimeSpan.FromMinutes(10), new DateTimeOffset(2021, 5, 19, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(1), EthSource),
        "ftx-jan-2022" => new ReplayScenario(
            "ftx-jan-2022", "FTX BTC-PERP 2022-01-20 to 2022-01-25: the January 2022 sell-off, 43k → 33k", "BTC", EmbeddedData.FtxBtcPerp, "timestamp_utc",
            TimeSpan.FromMinutes(1), new DateTimeOffset(2022, 1, 20, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(6),
            "FTX BTC-PERP 1-min bars via nautechsystems/nautilus_trader (Data/README.md)"),
        "oracle-spike" => new SyntheticScenario("oracle-spike", "the debt asset's oracle reads 1.30 for an hour while the market does not move")
        {
            ShockSize = 0,
            OracleSpike = 0.30,
        },
        _ => null,
    };
}
