namespace CascadeGuard.Tool.Map;

/// <summary>The options of <c>cascadeguard map</c>.</summary>
internal sealed record MapOptions(string AccountsPath, string? Asset, int Buckets, double Drop, bool Json);
