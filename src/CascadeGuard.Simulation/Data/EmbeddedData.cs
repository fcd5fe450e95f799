using System.IO.Compression;
using System.Reflection;

namespace CascadeGuard.Simulation.Data;

/// <summary>
/// Reads the real market data embedded in this assembly (sources and provenance in Data/README.md). The files are
/// simple CSV without quoted fields, written by the project's own conversion, so a split on commas reads them.
/// </summary>
internal static class EmbeddedData
{
    public const string BybitXrpBook = "lob_bybit_xrpusdt_l2_top50_2024-12-01.csv";
    public const string BinanceBtcBook = "lob_binance_futures_btcusdt_l2_top25_2020-09-01.csv";
    public const string EthStressDays = "eth_usd_10min_2020-03-12_2021-05-19.csv";
    public const string FtxBtcPerp = "btc_perp_ftx_1min_2022-01-20_2022-01-25.csv.gz";
    public const string CompoundLiquidations = "compound_cdai_liquidations_2020-11-26_by_borrower.csv";

    /// <summary>The rows of an embedded CSV file as a header and its data rows, fields split on commas.</summary>
    public static CsvTable ReadCsv(string name)
    {
        using var stream = Open(name);
        using var reader = new StreamReader(stream);
        var header = (reader.ReadLine() ?? throw new InvalidDataException($"Embedded file '{name}' is empty.")).Split(',');
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                rows.Add(line.Split(','));
            }
        }

        return new CsvTable(name, header, rows);
    }

    private static Stream Open(string name)
    {
        var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("CascadeGuard.Simulation.Data." + name)
            ?? throw new InvalidDataException($"Embedded file '{name}' is missing from the assembly.");
        return name.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
    }
}
