using System.Globalization;
using Spectre.Console;

namespace CascadeGuard.Tool.Map;

/// <summary>Renders a <see cref="MapReport"/> as tables on a console.</summary>
internal static class MapTableWriter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Write(IAnsiConsole console, MapReport report)
    {
        console.MarkupLine(Invariant, $"[bold]Liquidation map[/] for [bold]{Markup.Escape(report.Asset)}[/] from {Markup.Escape(report.Source)}");
        console.MarkupLine(Invariant, $"{report.AccountCount:N0} accounts, total debt {report.TotalDebt:N0}; {report.Asset} at {Price(report.CurrentPrice)}, mapped down to {Price(report.LowestPrice)}");
        console.WriteLine();

        var max = report.Buckets.Length == 0 ? 0 : report.Buckets.Max(b => b.DebtValue);
        var cliff = report.CliffIndex;
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("Price from").RightAligned())
            .AddColumn(new TableColumn("to").RightAligned())
            .AddColumn(new TableColumn("Accounts").RightAligned())
            .AddColumn(new TableColumn("Debt").RightAligned())
            .AddColumn(new TableColumn($"{Markup.Escape(report.Asset)} held").RightAligned())
            .AddColumn(new TableColumn("Notional").RightAligned())
            .AddColumn(new TableColumn("Cumulative debt").RightAligned())
            .AddColumn(new TableColumn(string.Empty));

        var now = report.Summary.LiquidatableNow;
        var cumulative = now.DebtValue;
        table.AddRow("now", Price(report.CurrentPrice), Count(now.Accounts), Money(now.DebtValue), Quantity(now.CollateralQuantity), Money(now.CollateralNotional), Money(cumulative), string.Empty);
        for (var i = 0; i < report.Buckets.Length; i++)
        {
            var b = report.Buckets[i];
            cumulative += b.DebtValue;
            var bar = max > 0 ? new string('█', (int)Math.Round(24 * b.DebtValue / max)) : string.Empty;
            table.AddRow(
                Price(b.PriceHigh),
                Price(b.PriceLow),
                Count(b.Accounts),
                Money(b.DebtValue),
                Quantity(b.CollateralQuantity),
                Money(b.CollateralNotional),
                Money(cumulative),
                i == cliff ? $"[red]{bar}[/] ◀ cliff" : bar);
        }

        var beyond = report.Summary.Beyond;
        table.AddRow("below", Price(report.LowestPrice), Count(beyond.Accounts), Money(beyond.DebtValue), Quantity(beyond.CollateralQuantity), Money(beyond.CollateralNotional), Money(cumulative + beyond.DebtValue), string.Empty);
        console.Write(table);
        console.MarkupLine(Invariant, $"{report.Summary.Unreachable:N0} indebted accounts cannot be made liquidatable by a fall of {Markup.Escape(report.Asset)} alone.");
        console.WriteLine();

        var health = new Table().Border(TableBorder.Rounded)
            .AddColumn("Health factor")
            .AddColumn(new TableColumn("Accounts").RightAligned())
            .AddColumn(new TableColumn("Debt").RightAligned())
            .AddColumn(new TableColumn("Share of debt").RightAligned());
        foreach (var band in report.Health)
        {
            var share = report.TotalDebt > 0 ? band.DebtValue / report.TotalDebt : 0;
            health.AddRow(Markup.Escape(band.Label), Count(band.Accounts), Money(band.DebtValue), share.ToString("P1", Invariant));
        }

        console.Write(health);
    }

    private static string Price(double p) => p.ToString(p >= 100 ? "N2" : "G6", Invariant);

    private static string Money(double v) => v.ToString("N0", Invariant);

    private static string Quantity(double v) => v.ToString("N4", Invariant);

    private static string Count(int n) => n.ToString("N0", Invariant);
}
