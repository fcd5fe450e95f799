using System.Text.Json;
using CascadeGuard.Simulation.Paths;
using CascadeGuard.Tests.Tool;

namespace CascadeGuard.Tests.Simulation;

/// <summary>
/// The pinned figures of every named scenario at a small size. They change only on purpose: after a model change that
/// is meant to move them, run <c>eng/rewrite-golden.sh</c>, review the diff and explain it in the commit.
/// </summary>
public class GoldenScenarioTests
{
    // Keep in step with eng/rewrite-golden.sh (the test checks the file says the same).
    private const int Accounts = 2000;
    private const int Runs = 2;
    private const int Seed = 7;

    public static TheoryData<string> Scenarios => new(ScenarioCatalog.Names);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_figures_match_the_pinned_ones(string scenario)
    {
        var golden = Path.Combine(RepositoryRoot(), "tests", "CascadeGuard.Tests", "Simulation", "Golden", scenario + ".json");
        File.Exists(golden).Should().BeTrue($"{golden} is missing: run eng/rewrite-golden.sh");
        var output = Path.Combine(Path.GetTempPath(), $"cascadeguard-golden-{Guid.NewGuid():N}.json");
        var (code, _, error) = ToolRunner.Run("simulate", "--scenario", scenario, "--accounts", $"{Accounts}", "--runs", $"{Runs}", "--seed", $"{Seed}", "--json", output);
        error.Should().BeEmpty();
        code.Should().Be(0);

        using var expected = JsonDocument.Parse(File.ReadAllText(golden));
        using var actual = JsonDocument.Parse(File.ReadAllText(output));
        expected.RootElement.GetProperty("accounts").GetInt32().Should().Be(Accounts, "the golden file was written with other arguments");
        expected.RootElement.GetProperty("runs").GetInt32().Should().Be(Runs);
        expected.RootElement.GetProperty("seed").GetInt32().Should().Be(Seed);
        Compare(expected.RootElement, actual.RootElement, "$");
    }

    // Numbers agree to 1e-9 relative (libm differences across platforms); everything else exactly.
    private static void Compare(JsonElement expected, JsonElement actual, string path)
    {
        actual.ValueKind.Should().Be(expected.ValueKind, path);
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                actual.EnumerateObject().Select(p => p.Name).Should().Equal(expected.EnumerateObject().Select(p => p.Name), path);
                foreach (var property in expected.EnumerateObject())
                {
                    Compare(property.Value, actual.GetProperty(property.Name), $"{path}.{property.Name}");
                }

                break;
            case JsonValueKind.Number:
                var e = expected.GetDouble();
                actual.GetDouble().Should().BeApproximately(e, Math.Max(1e-9, Math.Abs(e) * 1e-9), path);
                break;
            default:
                actual.GetRawText().Should().Be(expected.GetRawText(), path);
                break;
        }
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CascadeGuard.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CascadeGuard.sln not found above the test binaries.");
    }
}
