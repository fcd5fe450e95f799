namespace CascadeGuard.Tool.Charts;

/// <summary>Rendered charts (PNG bytes by file name), produced before anything is written.</summary>
internal sealed class ChartSet(IReadOnlyList<(string File, string Title, byte[] Png)> charts)
{
    public IReadOnlyList<(string File, string Title, byte[] Png)> Charts { get; } = charts;

    public void Save(string directory)
    {
        foreach (var (file, _, png) in Charts)
        {
            File.WriteAllBytes(Path.Combine(directory, file), png);
        }
    }
}
