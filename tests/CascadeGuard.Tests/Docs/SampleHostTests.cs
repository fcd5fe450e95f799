using CascadeGuard.Sample;

namespace CascadeGuard.Tests.Docs;

public class SampleHostTests
{
    [Fact]
    public void The_sample_host_replays_the_crash_day_and_prints_every_kind_of_instruction()
    {
        var output = new StringWriter();
        SampleHost.Run(output, []).Should().Be(0);
        var text = output.ToString();
        text.Should().Contain("  sell  ").And.Contain("  auction  ").And.Contain("keeper takes").And.Contain("  breaker  ");
        text.Should().MatchRegex(@"done: \d+ partial liquidations in the market");
    }
}
