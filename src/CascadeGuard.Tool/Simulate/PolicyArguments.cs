using CascadeGuard.Simulation.Policies;
using CascadeGuard.Tool.Cli;

namespace CascadeGuard.Tool.Simulate;

/// <summary>Turns policy names from the command line into definitions, refusing unknown ones.</summary>
internal static class PolicyArguments
{
    public static IReadOnlyList<PolicyDefinition> Resolve(IReadOnlyList<string>? names, string option)
    {
        if (names is null)
        {
            return PolicyCatalog.Available;
        }

        var result = new List<PolicyDefinition>();
        foreach (var name in names)
        {
            if (PolicyCatalog.Find(name) is { } policy)
            {
                if (result.Contains(policy))
                {
                    throw new UsageException($"option '--{option}' names policy '{name}' twice");
                }

                result.Add(policy);
            }
            else
            {
                throw new UsageException($"unknown policy '{name}' (available: {string.Join(", ", PolicyCatalog.Available.Select(p => p.Name))})");
            }
        }

        return result;
    }

    public static string Names => string.Join(", ", PolicyCatalog.Available.Select(p => p.Name));
}
