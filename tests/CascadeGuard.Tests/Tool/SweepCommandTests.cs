using System.Globalization;

namespace CascadeGuard.Tests.Tool;

public class SweepCommandTests
{
    [Fact]
    public void Small_grid_writes_one_csv_row_per_cell_and_a_heat_map()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"cascadeguard-sweep-{Guid.NewGuid():N}");
        var (code, output, error) = ToolRunner.Run(
            "sweep", "--accounts", "500", "--runs", "1", "--steps", "240", "--shocks", "0.4", "--debt-to-depth", "10,160", "--half-lives", "1s", "1d", "--leverage", "3", "--out", directory);
        error.Should().BeEmpty();
        code.Should().Be(0);
        output.Should().Contain("Sweep").And.Contain("cascadeguard against naive, 4 cells");

        var lines = File.ReadAllLines(Path.Combine(directory, "sweep.csv"));
        lines[0].Should().Be("shock,debt_to_depth,half_life_seconds,median_leverage,naive_bad_debt,cascadeguard_bad_debt,reduction,naive_drawdown,cascadeguard_drawdown,naive_accounts_liquidated,cascadeguard_accounts_liquidated");
        lines.Should().HaveCount(5);
        lines.Skip(1).Select(l => l.Split(',')[1] + "/" + l.Split(',')[2]).Should().Equal("10/1", "10/86400", "160/1", "160/86400");
        foreach (var line in lines.Skip(1))
        {
            double.Parse(line.Split(',')[6], CultureInfo.InvariantCulture).Should().BeInRange(-1, 1);
        }

        File.ReadAllBytes(Path.Combine(directory, "sweep.png")).Take(4).Should().Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 });
    }

    [Fact]
    public void The_auction_policy_can_be_swept_against_naive()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"cascadeguard-sweep-{Guid.NewGuid():N}");
        var (code, output, error) = ToolRunner.Run(
            "sweep", "--policy", "auction", "--accounts", "500", "--runs", "1", "--steps", "240", "--shocks", "0.4", "--debt-to-depth", "160", "--half-lives", "1h", "--leverage", "3", "--out", directory);
        error.Should().BeEmpty();
        code.Should().Be(0);
        output.Should().Contain("auction against naive, 1 cells");
        File.ReadAllLines(Path.Combine(directory, "sweep.csv"))[0].Should().Contain("auction_bad_debt");
    }

    [Theory]
    [InlineData(new[] { "sweep", "--policy", "naive" }, "'naive' is the baseline")]
    [InlineData(new[] { "sweep", "--leverage", "8" }, "option '--leverage': 8 gives a median health factor")]
    [InlineData(new[] { "sweep", "--shocks", "0.4,abc" }, "option '--shocks' must be a number from 0 to 0.99; was 'abc'")]
    [InlineData(new[] { "sweep", "--half-lives", "1s,0s" }, "option '--half-lives' must be a duration")]
    [InlineData(new[] { "sweep", "--out", "/no/such/dir/sweep" }, "the directory '/no/such/dir' does not exist")]
    public void Bad_arguments_get_one_error_line_and_exit_2(string[] args, string expected)
    {
        var (code, output, error) = ToolRunner.Run(args);
        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().StartWith("error: ").And.Contain(expected);
    }
}
