using CascadeGuard.Exits;

namespace CascadeGuard.Tests.Exits;

public class ParticipationAndTradesTests
{
    [Fact]
    public void Participation_sells_a_fraction_of_each_interval_volume()
    {
        // p = 0.1, v = (1000, 500, 2000, 3000), X = 300: n = (100, 50, 150, 0) → x = (300, 200, 150, 0, 0).
        var holdings = new double[5];
        ParticipationExit.Write(300, 0.1, [1000, 500, 2000, 3000], holdings).Should().Be(0);
        holdings.Should().Equal(300, 200, 150, 0, 0);
    }

    [Fact]
    public void Participation_returns_what_volume_did_not_allow()
    {
        var holdings = new double[3];
        new ParticipationExit(0.5, new double[] { 10, 0, 99 }).WriteHoldings(20, holdings).Should().Be(15);
        holdings.Should().Equal(20, 15, 15);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.1)]
    [InlineData(1.000001)]
    [InlineData(double.NaN)]
    public void Participation_rate_outside_zero_to_one_throws(double rate)
    {
        var act = () => new ParticipationExit(rate, new double[] { 1 });
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("participationRate");
    }

    [Fact]
    public void Participation_rejects_short_or_bad_volumes_and_writes_nothing()
    {
        var holdings = new double[4];
        holdings.AsSpan().Fill(9);
        var shortVolumes = () => ParticipationExit.Write(10, 0.5, [1, 2], holdings);
        shortVolumes.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("volumes");
        var nanVolume = () => ParticipationExit.Write(10, 0.5, [1, 2, double.NaN], holdings);
        nanVolume.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("volumes[2]");
        var negativeVolume = () => ParticipationExit.Write(10, 0.5, [-1, 2, 3], holdings);
        negativeVolume.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("volumes[0]");
        holdings.Should().OnlyContain(x => x == 9);
    }

    [Fact]
    public void Trades_are_differences_of_holdings_even_in_place()
    {
        double[] holdings = [10, 7, 7, 2, 0];
        var trades = new double[4];
        ExitTrajectory.Trades(holdings, trades);
        trades.Should().Equal(3, 0, 5, 2);

        ExitTrajectory.Trades(holdings, holdings);
        holdings.Should().Equal(3, 0, 5, 2, 0);
    }

    [Fact]
    public void Trades_reject_bad_input()
    {
        var trades = new double[2];
        var shortDestination = () => ExitTrajectory.Trades([3, 2, 1, 0], trades);
        shortDestination.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("trades");
        var nan = () => ExitTrajectory.Trades([3, double.PositiveInfinity, 0], trades);
        nan.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("holdings[1]");
        var single = () => ExitTrajectory.Trades([3], trades);
        single.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("holdings");
    }
}
