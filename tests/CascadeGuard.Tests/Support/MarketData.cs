using System.Globalization;
using CascadeGuard.Volatility;

namespace CascadeGuard.Tests.Support;

/// <summary>Reads the real-data fixtures in tests/CascadeGuard.Tests/Data (see the README there for provenance).</summary>
internal static class MarketData
{
    public static IReadOnlyList<(string Start, OhlcBar Bar)> EthTenMinute(string day) =>
        Rows("eth_usd_10min_stress_days_slice.csv")
            .Where(r => r[0].StartsWith(day, StringComparison.Ordinal))
            .Select(r => (r[0], Bar(r, 2)))
            .ToList();

    public static IReadOnlyList<(string Date, OhlcBar Bar)> BtcDaily() =>
        Rows("btc_usd_daily_2020_2021h1.csv").Select(r => (r[0], Bar(r, 2))).ToList();

    /// <summary>Average gas price in gwei per 10-minute bucket of <paramref name="day"/>.</summary>
    public static IReadOnlyList<double> GasAverageGwei(string day) =>
        Rows("eth_gas_price_10min_slice.csv")
            .Where(r => r[0].StartsWith(day, StringComparison.Ordinal))
            .Select(r => Number(r[2]))
            .ToList();

    private static OhlcBar Bar(string[] r, int first) =>
        new(Number(r[first]), Number(r[first + 1]), Number(r[first + 2]), Number(r[first + 3]));

    private static double Number(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static IEnumerable<string[]> Rows(string file) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", file)).Skip(1).Select(l => l.Split(','));
}
