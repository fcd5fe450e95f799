namespace CascadeGuard.Simulation.Policies;

/// <summary>The policies the simulator can run, and those still to come.</summary>
internal static class PolicyCatalog
{
    /// <summary>The available policies, in the order the report shows them (the default selection).</summary>
    public static IReadOnlyList<PolicyDefinition> Available { get; } = [new NaivePolicy(), new CloseFactorPolicy(), new AuctionPolicy()];

    /// <summary>Policies the issue names that are not built yet, with what they wait for.</summary>
    public static IReadOnlyDictionary<string, string> Planned { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["cascadeguard"] = "it needs the engine facade (issue 8)",
    };

    public static PolicyDefinition? Find(string name)
    {
        foreach (var p in Available)
        {
            if (string.Equals(p.Name, name, StringComparison.Ordinal))
            {
                return p;
            }
        }

        return null;
    }
}
