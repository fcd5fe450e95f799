namespace CascadeGuard.Simulation.Runs;

/// <summary>The health-factor bands of the before/after distribution.</summary>
internal static class HealthBands
{
    /// <summary>Upper edges (exclusive) of the bands after "liquidatable (≤ 1)"; the last band is open.</summary>
    private static readonly double[] Edges = [1.05, 1.10, 1.25, 1.50, 2.00];

    public static IReadOnlyList<string> Labels { get; } = ["≤ 1.00", "1.00–1.05", "1.05–1.10", "1.10–1.25", "1.25–1.50", "1.50–2.00", "≥ 2.00", "closed"];

    /// <summary>The band of an account: health factor <c>ratio / liquidation price</c>; closed accounts last.</summary>
    public static int Of(bool open, double trigger, double ratio)
    {
        if (!open)
        {
            return Labels.Count - 1;
        }

        var health = ratio / trigger;
        if (health <= 1)
        {
            return 0;
        }

        for (var i = 0; i < Edges.Length; i++)
        {
            if (health < Edges[i])
            {
                return i + 1;
            }
        }

        return Edges.Length + 1;
    }
}
