using CascadeGuard.Oracle;
using CascadeGuard.Tests.Support;

namespace CascadeGuard.Tests.Oracle;

/// <summary>
/// Manipulation resistance, measured: a one-tick 30 % wick must not produce a price at or below a liquidation
/// trigger 10 % under the market, while a sustained move must be followed within the documented bound
/// delay + TWAP window + (confirmation quotes − 1) × quote interval (docs/oracle.md).
/// </summary>
public class OracleManipulationTests
{
    private const double Market = 2000;
    private const double Wick = Market * 0.7;
    private const double LiquidationTrigger = Market * 0.9;
    private const int WickAt = 120;

    /// <summary>One quote per second; returns the decision after each quote.</summary>
    private static OracleDecision[] Drive(OracleGuardOptions options, Func<int, double> priceAt, int seconds)
    {
        var h = new OracleHarness(options);
        var decisions = new OracleDecision[seconds];
        for (var i = 0; i < seconds; i++)
        {
            h.Clock.Advance(TimeSpan.FromSeconds(1));
            var u = h.Quote(priceAt(i));
            u.Accepted.Should().BeTrue();
            decisions[i] = u.Decision;
        }

        return decisions;
    }

    /// <summary>The market with ±0.1 % deterministic noise, and one 30 % wick for a single quote.</summary>
    private static double WickPath(int i) => i == WickAt ? Wick : Market * (1 + (0.001 * Math.Sin(i * 0.7)));

    private static double LowestActionable(OracleDecision[] decisions)
    {
        var low = double.MaxValue;
        foreach (var d in decisions)
        {
            if (d.CanLiquidate)
            {
                low = Math.Min(low, d.Price);
            }
        }

        return low;
    }

    [Fact]
    public void One_tick_wick_under_default_options_never_reaches_the_trigger()
    {
        var decisions = Drive(new OracleGuardOptions(), WickPath, 240);
        decisions[WickAt].Status.Should().Be(OracleStatus.DeviationHeld);
        decisions[WickAt].LatestPrice.Should().Be(Wick);
        LowestActionable(decisions).Should().BeGreaterThan(Market * 0.998, "the wick is held, never admitted");
        decisions.Should().OnlyContain(d => d.CanLiquidate && d.Status != OracleStatus.Confirmed);
    }

    [Fact]
    public void One_tick_wick_through_the_twap_alone_moves_the_price_by_a_sixtieth()
    {
        // Deviation check off: the wick is admitted for one second of a 60 s window, so the average dips by
        // 600 / 60 = 10 (0.5 %), nowhere near the trigger.
        var decisions = Drive(new OracleGuardOptions { MaxDeviation = double.PositiveInfinity }, WickPath, 240);
        var low = LowestActionable(decisions);
        low.Should().BeLessThan(Market * 0.996).And.BeGreaterThan(Market * 0.993);
        low.Should().BeGreaterThan(LiquidationTrigger);
    }

    [Fact]
    public void Unprotected_guard_passes_the_wick_through_which_is_what_the_other_tests_rule_out()
    {
        var options = new OracleGuardOptions { Smoothing = OracleSmoothing.None, MaxDeviation = double.PositiveInfinity };
        LowestActionable(Drive(options, WickPath, 240)).Should().Be(Wick);
    }

    [Fact]
    public void Sustained_move_is_followed_within_the_documented_bound()
    {
        // Defaults (TWAP 60 s, 3 confirmations) plus a 10 s delay, one quote per second. The market steps from 2000
        // to 1400 at quote 120 and stays. The third quote at the new level (t = 122 s) confirms it; the delayed TWAP
        // then falls linearly, 600 over 60 s, from t = 132 s and reaches 1400 at t = 192 s, that is
        // 10 + 60 + (3 − 1) × 1 = 72 s after the move. It crosses the 1800 trigger 20 s into the ramp, at t = 152 s.
        var options = new OracleGuardOptions { Delay = TimeSpan.FromSeconds(10) };
        var decisions = Drive(options, i => i < WickAt ? Market : Wick, 260);

        decisions[WickAt].Status.Should().Be(OracleStatus.DeviationHeld);
        decisions[WickAt + 1].Status.Should().Be(OracleStatus.DeviationHeld);
        decisions[WickAt + 2].Status.Should().Be(OracleStatus.Confirmed);
        decisions[WickAt + 3].Status.Should().Be(OracleStatus.Smoothed);

        decisions[WickAt + 12].Price.Should().Be(Market, "the delayed average has not started to move");
        decisions[WickAt + 31].Price.Should().BeGreaterThan(LiquidationTrigger);
        decisions[WickAt + 32].Price.Should().BeApproximately(LiquidationTrigger, 1e-9);
        decisions[WickAt + 71].Price.Should().BeGreaterThan(Wick + 1);
        decisions[WickAt + 72].Price.Should().BeApproximately(Wick, 1e-9);
        decisions[^1].Price.Should().Be(Wick);
    }
}
