using CascadeGuard.Tests.Support;
using CascadeGuard.Volatility;

namespace CascadeGuard.Tests.Volatility;

public class CongestionSignalTests
{
    [Fact]
    public void Fixed_baseline_reads_the_log_ratio_against_the_saturation_multiple()
    {
        // Baseline 10, saturation ×100: 10 → 0, 100 → ln 10 / ln 100 = 0.5, 1000 → 1, 5000 → clamped 1, 5 → clamped 0.
        var s = new CongestionSignal(new CongestionSignalOptions { Baseline = 10, SaturationMultiple = 100 });
        s.Update(10).Should().Be(0);
        s.Update(100).Should().BeApproximately(0.5, 1e-15);
        s.Update(1000).Should().BeApproximately(1, 1e-15);
        s.Update(5000).Should().Be(1);
        s.Update(5).Should().Be(0);
        s.Baseline.Should().BeApproximately(10, 1e-12);
        s.Count.Should().Be(5);
    }

    [Fact]
    public void Smoothing_averages_in_log_space()
    {
        // Half-life 1 observation: α = ½. Level ln 10, then ½(ln 10 + ln 1000) = ln 100 → signal 0.5 with
        // baseline 10 and saturation ×100.
        var s = new CongestionSignal(new CongestionSignalOptions { Baseline = 10, SaturationMultiple = 100, SmoothingHalfLife = 1 });
        s.Update(10);
        s.Update(1000).Should().BeApproximately(0.5, 1e-15);
    }

    [Fact]
    public void Learned_baseline_starts_at_the_first_observation_and_follows_slowly()
    {
        // Half-life 1: the baseline moves halfway (in log space) after each observation, and a new observation is
        // compared with the baseline from before it. 10 → baseline 10; 100 → signal ln 10 / ln 10 = 1, baseline
        // √1000 ≈ 31.6; 100 again → ln(100/31.6) / ln 10 = 0.5.
        var s = new CongestionSignal(new CongestionSignalOptions { BaselineHalfLife = 1, SaturationMultiple = 10 });
        s.Baseline.Should().Be(0);
        s.Update(10).Should().Be(0);
        s.Update(100).Should().BeApproximately(1, 1e-15);
        s.Baseline.Should().BeApproximately(Math.Sqrt(1000), 1e-9);
        s.Update(100).Should().BeApproximately(0.5, 1e-15);
    }

    [Fact]
    public void Black_thursday_gas_prices_saturate_the_signal_during_the_crash()
    {
        // Real gas prices, 2020-03-12, 10-minute buckets (Data/eth_gas_price_10min_slice.csv): about 10 gwei in the
        // early hours, 100–225 gwei while ETH fell from 163 to 101 (10:30–23:59 UTC). Baseline 10 gwei, ×20 saturation.
        var gas = MarketData.GasAverageGwei("2020-03-12");
        gas.Should().HaveCount(144);
        var s = new CongestionSignal(new CongestionSignalOptions { Baseline = 10, SaturationMultiple = 20 });
        var values = gas.Select(s.Update).ToArray();
        values.Should().OnlyContain(v => v >= 0 && v <= 1);
        values.Take(24).Average().Should().BeLessThan(0.15, "the first four hours are quiet");
        values.Skip(64).Take(48).Average().Should().BeGreaterThan(0.8, "the crash hours are congested");
        values.Max().Should().Be(1);
    }

    [Fact]
    public void Learned_baseline_on_real_data_flags_the_spike_of_2021_05_19()
    {
        // Gas on 2021-05-19 rose from about 78 gwei to a 1656 gwei peak in bucket 79. A learned baseline (one-day
        // half-life) seeded at 78 gwei reads the peak as saturated congestion.
        var gas = MarketData.GasAverageGwei("2021-05-19");
        var s = new CongestionSignal(new CongestionSignalOptions { BaselineHalfLife = 144, SaturationMultiple = 10 });
        var values = gas.Select(s.Update).ToArray();
        values[0].Should().Be(0);
        values[79].Should().Be(1);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(0.0)]
    [InlineData(-3.0)]
    [InlineData(double.PositiveInfinity)]
    public void Bad_observation_is_refused_and_changes_nothing(double observation)
    {
        var s = new CongestionSignal(new CongestionSignalOptions());
        s.Update(20);
        s.Update(40);
        var before = (s.Value, s.Baseline, s.Count);
        var act = () => s.Update(observation);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(observation));
        (s.Value, s.Baseline, s.Count).Should().Be(before);
    }

    public static TheoryData<string, Action<CongestionSignalOptions>> Invalid => new()
    {
        { "Baseline", o => o.Baseline = -1 },
        { "Baseline", o => o.Baseline = double.NaN },
        { "BaselineHalfLife", o => o.BaselineHalfLife = 0.5 },
        { "SaturationMultiple", o => o.SaturationMultiple = 1 },
        { "SaturationMultiple", o => o.SaturationMultiple = double.PositiveInfinity },
        { "SmoothingHalfLife", o => o.SmoothingHalfLife = -1 },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Options_validation_names_the_property(string property, Action<CongestionSignalOptions> breakIt)
    {
        var o = new CongestionSignalOptions();
        breakIt(o);
        var act = () => new CongestionSignal(o);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(property);
    }
}
