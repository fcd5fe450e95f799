using System.Globalization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Tests.Depth;

/// <summary>Reads the real order-book slices in Data/ (see Data/README.md for their source).</summary>
internal static class RealBooks
{
    public const string Binance = "lob_binance_futures_btcusdt_l2_top25_2020-09-01.csv";
    public const string Bybit = "lob_bybit_xrpusdt_l2_top50_2024-12-01_first12.csv";

    public sealed record Snapshot(DateTimeOffset Time, BookLevel[] Bids, BookLevel[] Asks);

    public static Snapshot[] Load(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", file));
        var header = lines[0].Split(',');
        var levels = header.Count(h => h.StartsWith("bid_px_", StringComparison.Ordinal));
        var timeColumn = Array.IndexOf(header, "ts_utc");
        return lines.Skip(1).Select(line =>
        {
            var cells = line.Split(',');
            double Cell(string name) => double.Parse(cells[Array.IndexOf(header, name)], CultureInfo.InvariantCulture);
            var bids = Enumerable.Range(1, levels).Select(i => new BookLevel(Cell($"bid_px_{i}"), Cell($"bid_sz_{i}"))).ToArray();
            var asks = Enumerable.Range(1, levels).Select(i => new BookLevel(Cell($"ask_px_{i}"), Cell($"ask_sz_{i}"))).ToArray();
            return new Snapshot(DateTimeOffset.Parse(cells[timeColumn], CultureInfo.InvariantCulture), bids, asks);
        }).ToArray();
    }
}
