using CascadeGuard.Simulation.Data;
using MathNet.Numerics.Statistics;

namespace CascadeGuard.Simulation.Population;

/// <summary>
/// Account sizes (collateral value at the start, in the debt asset): log-normal with the median and the log standard
/// deviation of the 124 per-borrower repayments in the Compound cDAI liquidations of 2020-11-26, capped at the largest
/// of them. The sample is right-skewed even in logs (mean of logs 9.54, i.e. a geometric mean of 13,927 against a
/// median of 7,634), so the median, not the mean of logs, anchors the fit.
/// </summary>
/// <param name="Median">Median size.</param>
/// <param name="LogStandardDeviation">σ of the log sizes (population standard deviation of the sample's logs).</param>
/// <param name="Cap">Largest size drawn (draws above are redrawn).</param>
/// <param name="Samples">Observations behind the fit.</param>
internal sealed record SizeDistribution(double Median, double LogStandardDeviation, double Cap, int Samples)
{
    private static readonly Lazy<SizeDistribution> Fitted = new(FitCompound);

    /// <summary>The fit to the embedded Compound data: median 7,634.4, σ 2.241, cap 46,142,428.6.</summary>
    public static SizeDistribution Compound => Fitted.Value;

    private static SizeDistribution FitCompound()
    {
        var table = EmbeddedData.ReadCsv(EmbeddedData.CompoundLiquidations);
        var column = table.Column("dai_repaid_by_liquidators");
        var sizes = new double[table.Rows.Count];
        for (var i = 0; i < sizes.Length; i++)
        {
            sizes[i] = table.Number(i, column);
        }

        var logs = Array.ConvertAll(sizes, Math.Log);
        return new SizeDistribution(sizes.Median(), logs.PopulationStandardDeviation(), sizes.Maximum(), sizes.Length);
    }
}
