using System.Globalization;
using CascadeGuard.Simulation.Runs;
using CascadeGuard.Tool.Cli;
using ScottPlot;

namespace CascadeGuard.Tool.Charts;

/// <summary>
/// The sweep's heat map: one panel per (shock, leverage), each with debt/depth across and resilience half-life down;
/// colour is the relative bad-debt reduction from −1 (red: the policy loses) through 0 (white) to +1 (blue: it removes
/// the bad debt).
/// </summary>
internal static class SweepHeatMap
{
    private const int PanelWidth = 420;
    private const int PanelHeight = 340;

    public static byte[] Render(SweepRequest request, IReadOnlyList<SweepCell> cells)
    {
        var rows = request.Shocks.Length;
        var columns = request.Leverage.Length;
        var multiplot = new Multiplot();
        multiplot.AddPlots(rows * columns);
        multiplot.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
        var index = 0;
        for (var s = 0; s < rows; s++)
        {
            for (var l = 0; l < columns; l++)
            {
                var plot = multiplot.GetPlot(index++);
                var values = new double[request.HalfLives.Length, request.DebtToDepth.Length];
                foreach (var cell in cells)
                {
                    if (cell.Shock == request.Shocks[s] && cell.Leverage == request.Leverage[l])
                    {
                        var h = Array.IndexOf(request.HalfLives, cell.HalfLife);
                        var d = Array.IndexOf(request.DebtToDepth, cell.DebtToDepth);

                        // Heatmap rows run top to bottom: the longest half-life on top.
                        values[request.HalfLives.Length - 1 - h, d] = cell.Reduction;
                    }
                }

                var map = plot.Add.Heatmap(values);
                map.Colormap = new ScottPlot.Colormaps.Reversed(new ScottPlot.Colormaps.Balance());
                map.ManualRange = new ScottPlot.Range(-1, 1);
                for (var h = 0; h < request.HalfLives.Length; h++)
                {
                    for (var d = 0; d < request.DebtToDepth.Length; d++)
                    {
                        var value = values[request.HalfLives.Length - 1 - h, d];
                        var text = plot.Add.Text(value.ToString("+0%;-0%;0%", CultureInfo.InvariantCulture), d, h);
                        text.LabelFontColor = Math.Abs(value) > 0.6 ? Colors.White : Colors.Black;
                        text.LabelAlignment = Alignment.MiddleCenter;
                        text.LabelFontSize = 11;
                    }
                }

                plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                    Enumerable.Range(0, request.DebtToDepth.Length).Select(i => (double)i).ToArray(),
                    request.DebtToDepth.Select(v => v.ToString("G4", CultureInfo.InvariantCulture)).ToArray());
                plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
                    Enumerable.Range(0, request.HalfLives.Length).Select(i => (double)i).ToArray(),
                    request.HalfLives.Select(ArgumentReader.Show).ToArray());
                plot.Title(string.Create(CultureInfo.InvariantCulture, $"shock {request.Shocks[s]:P0}, leverage {request.Leverage[l]:G3}"), 12);
                plot.XLabel("debt / 2 % depth", 11);
                plot.YLabel("resilience half-life", 11);
                if (l == columns - 1)
                {
                    plot.Add.ColorBar(map);
                }
            }
        }

        using var image = multiplot.Render(PanelWidth * columns, PanelHeight * rows);
        return image.GetImageBytes(ImageFormat.Png);
    }
}
