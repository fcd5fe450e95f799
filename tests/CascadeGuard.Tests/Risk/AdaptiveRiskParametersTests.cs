using CascadeGuard.Risk;
using Microsoft.Extensions.Time.Testing;

namespace CascadeGuard.Tests.Risk;

public class AdaptiveRiskParametersTests
{
    private static readonly DateTimeOffset Start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly RiskInputs Calm = new(0.2, 0.1, 0);
    private static readonly RiskInputs Mid = new(1.0, 0.5, 0.5);

    private static (AdaptiveRiskParameters Risk, FakeTimeProvider Clock) Create(Action<AdaptiveRiskOptions>? configure = null)
    {
        var options = new AdaptiveRiskOptions();
        configure?.Invoke(options);
        var clock = new FakeTimeProvider(Start);
        return (new AdaptiveRiskParameters(options, clock), clock);
    }

    [Fact]
    public void Starts_at_the_calm_values()
    {
        var (risk, _) = Create();
        risk.Current.Should().Be(new RiskParameterSet(0.85, 0.05, 0.10, 0.01));
        risk.NextEvaluation.Should().Be(Start);
    }

    [Fact]
    public void Worked_example_with_default_mapping()
    {
        // Inputs σ = 1.0, VPIN 0.5, congestion 0.5 → s_vol = (1.0 − 0.5)/(1.5 − 0.5) = 0.5, s_vpin = (0.5 − 0.3)/0.4 = 0.5.
        // Threshold: s = 1·0.5 + 0.5·0.5 = 0.75 → target 0.85 − 0.05·0.75 = 0.8125; step 0.0025 → 0.8475.
        // Penalty: s = 0.5·0.5 + 1·0.5 = 0.75 → target 0.05 + 0.05·0.75 = 0.0875; step 0.005 → 0.055.
        // Participation: s = 0.25 + 0.5 + 0.25 = 1 → target 0.03; step 0.01 → 0.09.
        // Slippage: s = 0.5 → target 0.02; step 0.0025 → 0.0125.
        var (risk, _) = Create();
        var changes = new RiskParameterChange[AdaptiveRiskParameters.ParameterCount];
        var u = risk.Update(Mid, changes);
        u.Evaluated.Should().BeTrue();
        u.ChangeCount.Should().Be(4);
        u.NextEvaluation.Should().Be(Start.AddMinutes(1));
        Expect(changes[0], RiskParameterKind.LiquidationThreshold, 0.85, 0.8475, 0.8125, 0.75);
        Expect(changes[1], RiskParameterKind.LiquidationPenalty, 0.05, 0.055, 0.0875, 0.75);
        Expect(changes[2], RiskParameterKind.ThrottleParticipation, 0.10, 0.09, 0.03, 1);
        Expect(changes[3], RiskParameterKind.SlippageBound, 0.01, 0.0125, 0.02, 0.5);
        changes.Should().OnlyContain(c => c.Inputs == Mid && c.Time == Start && c.RateLimited);
        u.Parameters.Should().Be(risk.Current);
    }

    private static void Expect(RiskParameterChange c, RiskParameterKind kind, double previous, double current, double target, double stress)
    {
        c.Kind.Should().Be(kind);
        c.Previous.Should().BeApproximately(previous, 1e-15);
        c.Current.Should().BeApproximately(current, 1e-15);
        c.Target.Should().BeApproximately(target, 1e-15);
        c.Stress.Should().BeApproximately(stress, 1e-15);
    }

    [Fact]
    public void Moves_at_most_once_per_interval_and_reaches_the_target_exactly()
    {
        // Slippage from 0.01 toward 0.02 in steps of 0.0025: four steps (a fifth if rounding leaves the remaining
        // distance a hair above the step), the last one landing on the target and not rate-limited.
        var (risk, clock) = Create();
        var changes = new RiskParameterChange[4];
        risk.Update(Mid, changes);
        clock.Advance(TimeSpan.FromSeconds(59));
        var early = risk.Update(new RiskInputs(3, 1, 1), changes);
        early.Should().Be(new AdaptiveRiskUpdate(false, 0, risk.Current, Start.AddMinutes(1)));
        var evaluations = 1;
        RiskParameterChange last;
        do
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            var u = risk.Update(Mid, changes);
            u.Evaluated.Should().BeTrue();
            evaluations++;
            last = changes.AsSpan(0, u.ChangeCount).ToArray().Single(c => c.Kind == RiskParameterKind.SlippageBound);
            clock.Advance(TimeSpan.FromSeconds(59));
        }
        while (last.RateLimited);

        evaluations.Should().BeInRange(4, 5);
        last.Current.Should().Be(last.Target);
        risk.Current.SlippageBound.Should().Be(last.Target).And.BeApproximately(0.02, 1e-15);
    }

    [Fact]
    public void Calm_inputs_at_calm_values_change_nothing_and_emit_nothing()
    {
        var (risk, _) = Create();
        var changes = new RiskParameterChange[4];
        var u = risk.Update(Calm, changes);
        u.Evaluated.Should().BeTrue();
        u.ChangeCount.Should().Be(0);
        risk.Current.Should().Be(new RiskParameterSet(0.85, 0.05, 0.10, 0.01));
    }

    [Fact]
    public void Pinned_parameter_never_moves()
    {
        var (risk, clock) = Create(o => o.LiquidationThreshold.PinnedValue = 0.8);
        risk.Current.LiquidationThreshold.Should().Be(0.8);
        var changes = new RiskParameterChange[4];
        for (var i = 0; i < 50; i++)
        {
            var u = risk.Update(new RiskInputs(5, 1, 1), changes);
            changes.AsSpan(0, u.ChangeCount).ToArray().Should().NotContain(c => c.Kind == RiskParameterKind.LiquidationThreshold);
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        risk.Current.LiquidationThreshold.Should().Be(0.8);
        risk.Current.ThrottleParticipation.Should().Be(0.03, "unpinned parameters reach their stressed values");
    }

    public static TheoryData<string, RiskInputs> BadInputs => new()
    {
        { "inputs.Volatility", new RiskInputs(double.NaN, 0.5, 0.5) },
        { "inputs.Volatility", new RiskInputs(-0.1, 0.5, 0.5) },
        { "inputs.Volatility", new RiskInputs(double.PositiveInfinity, 0.5, 0.5) },
        { "inputs.Vpin", new RiskInputs(1, 1.01, 0.5) },
        { "inputs.Vpin", new RiskInputs(1, double.NaN, 0.5) },
        { "inputs.Congestion", new RiskInputs(1, 0.5, -0.01) },
        { "inputs.Congestion", new RiskInputs(1, 0.5, 1.5) },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_inputs_throw_and_change_nothing(string parameter, RiskInputs inputs)
    {
        var (risk, _) = Create();
        risk.Update(Mid, new RiskParameterChange[4]);
        var before = risk.SaveSnapshot();
        var act = () => risk.Update(inputs, new RiskParameterChange[4]);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);
        risk.SaveSnapshot().Should().Be(before);
    }

    [Fact]
    public void Short_change_span_throws_and_changes_nothing()
    {
        var (risk, _) = Create();
        var before = risk.SaveSnapshot();
        var act = () => risk.Update(Mid, new RiskParameterChange[3]);
        act.Should().Throw<ArgumentException>().WithParameterName("changes");
        risk.SaveSnapshot().Should().Be(before);
    }

    public static TheoryData<string, Action<AdaptiveRiskOptions>> InvalidOptions => new()
    {
        { "Interval", o => o.Interval = TimeSpan.Zero },
        { "VolatilityCalm", o => o.VolatilityCalm = -1 },
        { "VolatilityStressed", o => o.VolatilityStressed = 0.5 },
        { "VpinCalm", o => o.VpinCalm = 1.2 },
        { "VpinStressed", o => o.VpinStressed = 0.3 },
        { "LiquidationThreshold", o => o.LiquidationThreshold = null! },
        { "LiquidationThreshold.Maximum", o => o.LiquidationThreshold.Maximum = 1.2 },
        { "LiquidationThreshold.Calm", o => o.LiquidationThreshold.Calm = 0.9 },
        { "LiquidationPenalty.Stressed", o => o.LiquidationPenalty.Stressed = 0.2 },
        { "LiquidationPenalty.Minimum", o => o.LiquidationPenalty.Minimum = -0.01 },
        { "ThrottleParticipation.MaxChangePerInterval", o => o.ThrottleParticipation.MaxChangePerInterval = 0 },
        { "ThrottleParticipation.VpinWeight", o => o.ThrottleParticipation.VpinWeight = -1 },
        { "SlippageBound.CongestionWeight", o => o.SlippageBound.CongestionWeight = double.NaN },
        { "SlippageBound.PinnedValue", o => o.SlippageBound.PinnedValue = 0.2 },
        { "SlippageBound.Maximum", o => o.SlippageBound.Maximum = 0.004 },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Options_validation_names_the_property(string property, Action<AdaptiveRiskOptions> breakIt)
    {
        var o = new AdaptiveRiskOptions();
        breakIt(o);
        var act = () => new AdaptiveRiskParameters(o);
        act.Should().Throw<ArgumentException>().WithParameterName(property);
    }

    [Fact]
    public void Options_are_copied_at_construction()
    {
        var options = new AdaptiveRiskOptions();
        var risk = new AdaptiveRiskParameters(options, new FakeTimeProvider(Start));
        options.SlippageBound.Calm = 0.04;
        options.SlippageBound.PinnedValue = 0.04;
        risk.Update(Calm, new RiskParameterChange[4]).ChangeCount.Should().Be(0);
        risk.Current.SlippageBound.Should().Be(0.01);
    }

    [Theory]
    [InlineData("\"values\":[0.85", "\"values\":[0.95", "*'values[0]'*bounds*")]
    [InlineData("\"values\":[0.85,", "\"values\":[", "*'values.length'*")]
    [InlineData("\"version\":1", "\"version\":0", "*'version'*")]
    public void Restore_rejects_impossible_states(string find, string replace, string message)
    {
        var (risk, _) = Create();
        var json = risk.SaveSnapshot();
        json.Should().Contain(find);
        var act = () => AdaptiveRiskParameters.Restore(json.Replace(find, replace, StringComparison.Ordinal));
        act.Should().Throw<ArgumentException>().WithParameterName(nameof(json)).WithMessage(message);
    }

    [Fact]
    public void Restore_rejects_a_value_that_contradicts_its_pin()
    {
        var (risk, _) = Create(o => o.SlippageBound.PinnedValue = 0.02);
        var json = risk.SaveSnapshot().Replace("0.02]", "0.03]", StringComparison.Ordinal);
        var act = () => AdaptiveRiskParameters.Restore(json);
        act.Should().Throw<ArgumentException>().WithMessage("*'values[3]'*pinned*");
    }
}
