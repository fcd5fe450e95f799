namespace CascadeGuard.Simulation.Policies;

/// <summary>The policies the simulator can run.</summary>
internal static class PolicyCatalog
{
    /// <summary>The policies, in the order the report shows them (the default selection).</summary>
    public static IReadOnlyList<PolicyDefinition> Available { get; } = [new NaivePolicy(), new CloseFactorPolicy(), new AuctionPolicy(), new CascadeGuardPolicy()];

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
