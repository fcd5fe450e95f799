using CascadeGuard.Simulation.Paths;

namespace CascadeGuard.Tests.Simulation;

public class PathTests
{
    [Fact]
    public void Synthetic_shock_without_noise_falls_exactly_to_its_size_and_stays()
    {
        var scenario = new SyntheticScenario("s", "test") { DailyVolatility = 0, ShockSize = 0.4 };
        var path = scenario.Build(1440, 1);
        path.Step.Should().Be(TimeSpan.FromMinutes(1));
        path.Market[0].Should().Be(2000);
        path.Market[60].Should().Be(2000, "the fall starts at one hour");
        path.Market[90].Should().BeApproximately(2000 * Math.Sqrt(0.6), 1e-9, "log-linear: halfway is the geometric mean");
        path.Market[120].Should().BeApproximately(1200, 1e-9);
        path.Market[^1].Should().BeApproximately(1200, 1e-9);
        path.MarketMinimum.Should().BeApproximately(1200, 1e-9);
        path.DebtOracle.Should().OnlyContain(p => p == 1);
    }

    [Fact]
    public void Synthetic_noise_is_seeded()
    {
        var scenario = ScenarioCatalog.Find("synthetic")!;
        scenario.Build(1440, 3).Market.Should().Equal(scenario.Build(1440, 3).Market);
        scenario.Build(1440, 3).Market.Should().NotEqual(scenario.Build(1440, 4).Market);
    }

    [Fact]
    public void Oracle_spike_reads_130_for_one_hour_while_the_market_stays()
    {
        var path = ScenarioCatalog.Find("oracle-spike")!.Build(1440, 5);
        path.DebtOracle.Count(p => p == 1.3).Should().Be(60);
        path.DebtOracle[119].Should().Be(1);
        path.DebtOracle[120].Should().Be(1.3);
        path.DebtOracle[179].Should().Be(1.3);
        path.DebtOracle[180].Should().Be(1);
        path.Market.Max().Should().BeLessThan(2000 * 1.15, "only noise moves the market");
        path.Market.Min().Should().BeGreaterThan(2000 * 0.85);
    }

    [Theory]
    [InlineData("black-thursday-2020", 195.21, 101.01, 107.52)]
    [InlineData("may-2021", 3375.69, 1862.04, 2445.07)]
    public void Eth_replays_keep_the_recorded_open_low_and_close(string name, double open, double low, double close)
    {
        var scenario = (ReplayScenario)ScenarioCatalog.Find(name)!;
        scenario.Bars.Should().HaveCount(144);

        // 432 steps of 200 s land on every knot (bar starts and thirds of bars): the recorded low is in the path.
        var path = scenario.Build(432, 0);
        path.Market[0].Should().BeApproximately(open, 1e-9);
        path.MarketMinimum.Should().BeApproximately(low, 1e-9);
        scenario.Bars[^1].Close.Should().Be(close);

        // At one-minute steps the wick is sampled between knots: within a few per cent of the low.
        scenario.Build(1440, 0).MarketMinimum.Should().BeInRange(low, low * 1.03);
    }

    [Fact]
    public void Ftx_replay_covers_six_days_of_one_minute_bars_and_the_january_low()
    {
        var scenario = (ReplayScenario)ScenarioCatalog.Find("ftx-jan-2022")!;
        scenario.Bars.Should().HaveCount(8_640);
        scenario.Bars.Min(b => b.Low).Should().Be(32_837);
        var path = scenario.Build(8_640 * 3, 0);
        path.MarketMinimum.Should().BeApproximately(32_837, 1e-6);
    }

    [Fact]
    public void Bar_path_interpolates_log_linearly_between_knots()
    {
        var t0 = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);
        OhlcBar[] bars = [new(t0, 100, 120, 90, 110)]; // rising: low at 1/3, high at 2/3
        var path = BarPath.Sample(bars, TimeSpan.FromMinutes(3), t0, TimeSpan.FromSeconds(30), 7);
        path[0].Should().BeApproximately(100, 1e-12);
        path[1].Should().BeApproximately(Math.Sqrt(100 * 90), 1e-9);
        path[2].Should().BeApproximately(90, 1e-12);
        path[4].Should().BeApproximately(120, 1e-12);
        path[6].Should().BeApproximately(110, 1e-12);
    }
}
