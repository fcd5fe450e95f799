using CascadeGuard.Oracle;

namespace CascadeGuard.Tests.Oracle;

public class OracleGuardOptionsTests
{
    public static TheoryData<string, Action<OracleGuardOptions>> Invalid => new()
    {
        { "SourceCount", o => o.SourceCount = 0 },
        { "SourceCount", o => o.SourceCount = 33 },
        { "MaxStaleness", o => o.MaxStaleness = TimeSpan.Zero },
        { "MaxStaleness", o => o.MaxStaleness = TimeSpan.FromDays(367) },
        { "MaxFutureSkew", o => o.MaxFutureSkew = TimeSpan.FromTicks(-1) },
        { "Smoothing", o => o.Smoothing = (OracleSmoothing)7 },
        { "TwapWindow", o => o.TwapWindow = TimeSpan.Zero },
        { "EmaHalfLife", o => o.EmaHalfLife = TimeSpan.FromTicks(-1) },
        { "MaxDeviation", o => o.MaxDeviation = 0 },
        { "MaxDeviation", o => o.MaxDeviation = double.NaN },
        { "MaxDeviation", o => o.MaxDeviation = -0.1 },
        { "ConfirmationQuotes", o => o.ConfirmationQuotes = 0 },
        { "ConfirmationSources", o => o.ConfirmationSources = 1 },
        { "Delay", o => o.Delay = TimeSpan.FromSeconds(-1) },
        { "Delay", o => o.Delay = TimeSpan.FromDays(400) },
        { "Capacity", o => o.Capacity = 3 },
        { "Capacity", o => o.Capacity = (1 << 16) + 1 },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Validate_names_the_property_and_value(string property, Action<OracleGuardOptions> breakIt)
    {
        var o = new OracleGuardOptions();
        breakIt(o);
        var act = o.Validate;
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(property).WithMessage($"*'{property}'*was*");
    }

    [Fact]
    public void Defaults_are_valid_and_as_documented()
    {
        var o = new OracleGuardOptions();
        o.Validate();
        o.SourceCount.Should().Be(1);
        o.MaxStaleness.Should().Be(TimeSpan.FromSeconds(60));
        o.MaxFutureSkew.Should().Be(TimeSpan.FromSeconds(2));
        o.Smoothing.Should().Be(OracleSmoothing.Twap);
        o.TwapWindow.Should().Be(TimeSpan.FromSeconds(60));
        o.EmaHalfLife.Should().Be(TimeSpan.FromSeconds(30));
        o.MaxDeviation.Should().Be(0.10);
        o.ConfirmationQuotes.Should().Be(3);
        o.ConfirmationSources.Should().Be(2);
        o.Delay.Should().Be(TimeSpan.Zero);
        o.Capacity.Should().Be(256);
    }

    [Fact]
    public void Infinite_deviation_turns_the_check_off()
    {
        new OracleGuardOptions { MaxDeviation = double.PositiveInfinity }.Validate();
    }
}
