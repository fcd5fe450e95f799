using System.Globalization;
using CascadeGuard.Simulation.Data;
using MathNet.Numerics;

namespace CascadeGuard.Simulation.Market;

/// <summary>
/// The power law <c>Q(δ) = a·δ^β</c> fitted to a recorded L2 book by least squares on <c>log Q = log a + β log δ</c>
/// (MathNet <c>Fit.Power</c>), pooling every level of every book state in the file.
/// </summary>
/// <param name="Source">The embedded file.</param>
/// <param name="Side">"bid" or "ask".</param>
/// <param name="Exponent">β.</param>
/// <param name="Coefficient">a, in base units of the recorded market (XRP, BTC).</param>
/// <param name="RSquared">R² of the log-log regression.</param>
/// <param name="Points">Levels pooled (states × levels).</param>
/// <param name="MaxDistance">The largest δ observed: how far from mid the data reach.</param>
internal sealed record DepthFit(string Source, string Side, double Exponent, double Coefficient, double RSquared, int Points, double MaxDistance)
{
    private static readonly Lazy<DepthFit> DefaultFit = new(() => Fit(EmbeddedData.BybitXrpBook, "bid", 50));

    /// <summary>The fit the simulator uses by default: Bybit XRPUSDT bids, 50 states × 50 levels (2024-12-01).</summary>
    public static DepthFit Default => DefaultFit.Value;

    /// <summary>Fits one side of an embedded book file with <paramref name="levels"/> levels per side.</summary>
    public static DepthFit Fit(string file, string side, int levels)
    {
        var table = EmbeddedData.ReadCsv(file);
        var bestBid = table.Column("bid_px_1");
        var bestAsk = table.Column("ask_px_1");
        var distances = new List<double>(table.Rows.Count * levels);
        var depths = new List<double>(table.Rows.Count * levels);
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var mid = 0.5 * (table.Number(r, bestBid) + table.Number(r, bestAsk));
            var cumulative = 0.0;
            for (var k = 1; k <= levels; k++)
            {
                var price = table.Number(r, table.Column(string.Create(CultureInfo.InvariantCulture, $"{side}_px_{k}")));
                cumulative += table.Number(r, table.Column(string.Create(CultureInfo.InvariantCulture, $"{side}_sz_{k}")));
                distances.Add(Math.Abs(mid - price) / mid);
                depths.Add(cumulative);
            }
        }

        var x = distances.ToArray();
        var y = depths.ToArray();
        var (a, b) = MathNet.Numerics.Fit.Power(x, y);
        var logX = Array.ConvertAll(x, Math.Log);
        var logY = Array.ConvertAll(y, Math.Log);
        var predicted = Array.ConvertAll(logX, v => Math.Log(a) + b * v);
        var r2 = GoodnessOfFit.RSquared(predicted, logY);
        return new DepthFit(file, side, b, a, r2, x.Length, x.Max());
    }
}
