using System.Text.Json;

namespace CascadeGuard.Tests.Tool;

public class SimulateCommandTests
{
    private static readonly string[] Small = ["--accounts", "1000", "--runs", "2", "--steps", "720"];

    private static readonly string[] IssueFields =
        ["badDebt", "accountsLiquidated", "collateralSold", "borrowerLoss", "minPrice", "exogenousMinPrice", "avoidableLiquidations", "amplification"];

    [Fact]
    public void Json_has_the_issue_schema_with_every_field_and_p95()
    {
        var path = Temp(".json");
        var (code, output, error) = ToolRunner.Run(["simulate", .. Small, "--json", path]);
        error.Should().BeEmpty();
        code.Should().Be(0);
        output.Should().Contain("Cascade simulation").And.Contain("naive").And.Contain("close-factor").And.Contain("auction").And.Contain("cascadeguard").And.Contain("JSON written to");

        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var root = doc.RootElement;
        root.GetProperty("scenario").GetString().Should().Be("synthetic");
        root.GetProperty("seed").GetInt32().Should().Be(1);
        root.GetProperty("parameters").GetProperty("debtToDepth").GetDouble().Should().Be(20);
        root.GetProperty("parameters").GetProperty("keeperCost").GetDouble().Should().Be(0.005, "a policy's own parameters are printed with the world's");
        root.GetProperty("parameters").GetProperty("auctionStartBuffer").GetDouble().Should().Be(1.2);
        var policies = root.GetProperty("policies");
        policies.EnumerateObject().Select(p => p.Name).Should().Equal("naive", "close-factor", "auction", "cascadeguard");
        foreach (var policy in policies.EnumerateObject())
        {
            foreach (var field in IssueFields)
            {
                policy.Value.TryGetProperty(field, out _).Should().BeTrue($"{policy.Name}.{field}");
                policy.Value.GetProperty("p95").TryGetProperty(field, out _).Should().BeTrue($"{policy.Name}.p95.{field}");
            }

            policy.Value.GetProperty("amplification").GetProperty("drawdown").GetDouble().Should().BeGreaterThan(1);
            policy.Value.GetProperty("conserved").GetBoolean().Should().BeTrue();
        }

        root.GetProperty("parameters").GetProperty("engineOptions").GetString().Should().Be("new CascadeGuardOptions()");
        root.TryGetProperty("notAvailable", out _).Should().BeFalse("every policy the issue names exists");
    }

    [Fact]
    public void Same_seed_gives_byte_identical_json()
    {
        string a = Temp(".json"), b = Temp(".json"), c = Temp(".json");
        ToolRunner.Run(["simulate", .. Small, "--seed", "42", "--json", a]).ExitCode.Should().Be(0);
        ToolRunner.Run(["simulate", .. Small, "--seed", "42", "--json", b]).ExitCode.Should().Be(0);
        ToolRunner.Run(["simulate", .. Small, "--seed", "43", "--json", c]).ExitCode.Should().Be(0);
        File.ReadAllBytes(a).Should().Equal(File.ReadAllBytes(b));
        File.ReadAllBytes(a).Should().NotEqual(File.ReadAllBytes(c));
    }

    [Fact]
    public void Policy_list_selects_and_orders_the_policies()
    {
        var path = Temp(".json");
        ToolRunner.Run(["simulate", .. Small, "--policy", "close-factor", "naive", "--json", path]).ExitCode.Should().Be(0);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        doc.RootElement.GetProperty("policies").EnumerateObject().Select(p => p.Name).Should().Equal("close-factor", "naive");
        doc.RootElement.GetProperty("parameters").TryGetProperty("keeperCost", out _).Should().BeFalse("the auction policy was not run");

        ToolRunner.Run(["simulate", .. Small, "--policy", "naive", "--json", path]).ExitCode.Should().Be(0);
        using var one = JsonDocument.Parse(File.ReadAllText(path));
        one.RootElement.GetProperty("policies").EnumerateObject().Select(p => p.Name).Should().Equal("naive");
    }

    [Fact]
    public void Report_writes_charts_and_a_markdown_summary_that_embeds_them()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"cascadeguard-report-{Guid.NewGuid():N}");
        var (code, output, error) = ToolRunner.Run(["simulate", "--scenario", "oracle-spike", .. Small, "--report", directory, "--timing"]);
        error.Should().BeEmpty();
        code.Should().Be(0);
        output.Should().Contain("Timing:").And.Contain("summary.md");
        foreach (var chart in new[] { "price.png", "bad-debt.png", "volume.png", "health.png" })
        {
            var bytes = File.ReadAllBytes(Path.Combine(directory, chart));
            bytes.Take(8).Should().Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, $"{chart} is a PNG");
            File.ReadAllText(Path.Combine(directory, "summary.md")).Should().Contain($"]({chart})");
        }

        File.ReadAllText(Path.Combine(directory, "summary.md")).Should().Contain("# Cascade simulation: oracle-spike").And.Contain("| `debtToDepth` |");
    }

    [Theory]
    [InlineData(new[] { "simulate", "--scenario", "crash-2008" }, "unknown scenario 'crash-2008' (available: synthetic, black-thursday-2020")]
    [InlineData(new[] { "simulate", "--policy", "bogus" }, "unknown policy 'bogus' (available: naive, close-factor, auction, cascadeguard)")]
    [InlineData(new[] { "simulate", "--policy", "naive", "naive" }, "names policy 'naive' twice")]
    [InlineData(new[] { "simulate", "--policy" }, "option '--policy' needs at least one value")]
    [InlineData(new[] { "simulate", "--runs", "0" }, "option '--runs' must be a whole number from 1 to 1000; was '0'")]
    [InlineData(new[] { "simulate", "--accounts", "2000000" }, "option '--accounts' must be a whole number from 100 to 1000000")]
    [InlineData(new[] { "simulate", "--steps", "5" }, "option '--steps' must be a whole number from 10")]
    [InlineData(new[] { "simulate", "--seed", "-1" }, "option '--seed' must be a whole number")]
    [InlineData(new[] { "simulate", "--half-life", "5x" }, "option '--half-life' must be a duration from 1s to 30d")]
    [InlineData(new[] { "simulate", "--debt-to-depth", "NaN" }, "option '--debt-to-depth' must be a number")]
    [InlineData(new[] { "simulate", "--scenario", "may-2021", "--shock", "0.3" }, "option '--shock' applies only to the synthetic scenario")]
    [InlineData(new[] { "simulate", "--json", "/no/such/dir/out.json" }, "option '--json': the directory '/no/such/dir' does not exist")]
    [InlineData(new[] { "simulate", "--report", "/no/such/dir/report" }, "option '--report': the directory '/no/such/dir' does not exist")]
    [InlineData(new[] { "simulate", "--timing", "--timing" }, "option '--timing' is given twice")]
    [InlineData(new[] { "simulate", "extra" }, "unexpected argument 'extra'")]
    public void Bad_arguments_get_one_error_line_and_exit_2(string[] args, string expected)
    {
        var (code, output, error) = ToolRunner.Run(args);
        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().StartWith("error: ").And.Contain(expected);
        error.TrimEnd().Split('\n').Should().HaveCount(1);
    }

    [Fact]
    public void Shock_option_changes_the_synthetic_fall()
    {
        var path = Temp(".json");
        ToolRunner.Run(["simulate", .. Small, "--shock", "0.2", "--policy", "naive", "--json", path]).ExitCode.Should().Be(0);
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        doc.RootElement.GetProperty("parameters").GetProperty("shockSize").GetDouble().Should().Be(0.2);
        doc.RootElement.GetProperty("policies").GetProperty("naive").GetProperty("exogenousMinPrice").GetDouble().Should().BeInRange(1500, 1700);
    }

    [Fact]
    public void Help_lists_simulate_and_sweep()
    {
        var (_, output, _) = ToolRunner.Run("help");
        output.Should().Contain("cascadeguard simulate [--scenario NAME]").And.Contain("cascadeguard sweep [--policy NAME]");
    }

    private static string Temp(string extension) => Path.Combine(Path.GetTempPath(), $"cascadeguard-{Guid.NewGuid():N}{extension}");
}
