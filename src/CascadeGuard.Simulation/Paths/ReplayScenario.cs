using CascadeGuard.Primitives;
using CascadeGuard.Simulation.Data;
using CascadeGuard.Simulation.Runs;

namespace CascadeGuard.Simulation.Paths;

/// <summary>A replay of recorded bars (embedded, see Data/README.md) over a window, sampled at the simulation's steps.</summary>
internal sealed class ReplayScenario : Scenario
{
    private readonly Lazy<OhlcBar[]> _bars;

    public ReplayScenario(string name, string description, string collateral, string file, string timeColumn, TimeSpan barLength, DateTimeOffset start, TimeSpan duration, string source)
    {
        Name = name;
        Description = description;
        Collateral = collateral;
        File = file;
        BarLength = barLength;
        Start = start;
        Duration = duration;
        Source = source;
        _bars = new Lazy<OhlcBar[]>(() => Load(file, timeColumn, start, start + duration));
    }

    public override string Name { get; }

    public override string Description { get; }

    public override string Collateral { get; }

    /// <summary>The embedded file.</summary>
    public string File { get; }

    /// <summary>The bars' length.</summary>
    public TimeSpan BarLength { get; }

    /// <summary>Where the data come from.</summary>
    public string Source { get; }

    public override DateTimeOffset Start { get; }

    public override TimeSpan Duration { get; }

    public override bool IsStochastic => false;

    /// <summary>The bars inside the window.</summary>
    public IReadOnlyList<OhlcBar> Bars => _bars.Value;

    public override IReadOnlyList<Parameter> Parameters =>
    [
        Parameter.Label("data", File, Source),
        Parameter.Label("window", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Start:yyyy-MM-dd HH:mm} + {Duration.TotalHours:0.#} h UTC"), "the recorded crash window"),
        Parameter.Number("barMinutes", BarLength.TotalMinutes, "min", "open, extremes at 1/3 and 2/3, close; log-linear between"),
    ];

    public override PricePath Build(int steps, int seed)
    {
        Guard.Positive(steps);
        var step = StepLength(steps);
        return new PricePath(Start, step, BarPath.Sample(Bars, BarLength, Start, step, steps), Ones(steps));
    }

    private static OhlcBar[] Load(string file, string timeColumn, DateTimeOffset from, DateTimeOffset to)
    {
        var table = EmbeddedData.ReadCsv(file);
        int time = table.Column(timeColumn), open = table.Column("open"), high = table.Column("high"), low = table.Column("low"), close = table.Column("close");
        var bars = new List<OhlcBar>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var start = table.Time(r, time);
            if (start >= from && start < to)
            {
                bars.Add(new OhlcBar(start, table.Number(r, open), table.Number(r, high), table.Number(r, low), table.Number(r, close)));
            }
        }

        return bars.Count > 0 ? [.. bars] : throw new InvalidDataException($"Embedded file '{file}' has no bars from {from:O} to {to:O}.");
    }
}
