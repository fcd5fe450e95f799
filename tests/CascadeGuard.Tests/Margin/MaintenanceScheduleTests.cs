using CascadeGuard.Margin;
using CsCheck;

namespace CascadeGuard.Tests.Margin;

public class MaintenanceScheduleTests
{
    // A bracket table in the shape Binance publishes for USDⓈ-M perpetuals: the amount at each floor is the previous
    // amount plus floor × (rate − previous rate), so 50 = 50,000 × 0.1 % and 1,300 = 50 + 250,000 × 0.5 %.
    private static readonly TieredMaintenanceSchedule Tiers = new(
    [
        new MaintenanceBracket(0, 0.004, 0),
        new MaintenanceBracket(50_000, 0.005, 50),
        new MaintenanceBracket(250_000, 0.01, 1_300),
        new MaintenanceBracket(3_000_000, 0.025, 46_300),
    ]);

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(40_000.0, 160.0)]
    [InlineData(50_000.0, 200.0)] // the edge: 50,000 × 0.5 % − 50 = 50,000 × 0.4 %
    [InlineData(100_000.0, 450.0)]
    [InlineData(250_000.0, 1_200.0)]
    [InlineData(1_000_000.0, 8_700.0)]
    [InlineData(3_000_000.0, 28_700.0)]
    [InlineData(10_000_000.0, 203_700.0)]
    public void Tiered_requirement_by_hand(double notional, double expected) =>
        Tiers.Requirement(notional).Should().BeApproximately(expected, 1e-9 * Math.Max(1, expected));

    [Theory]
    [InlineData(49_999.99, 0)]
    [InlineData(50_000.0, 1)]
    [InlineData(249_999.0, 1)]
    [InlineData(250_000.0, 2)]
    [InlineData(1e12, 3)]
    public void Bracket_floor_belongs_to_its_bracket(double notional, int bracket) =>
        Tiers.BracketOf(notional).Should().Be(bracket);

    [Fact]
    public void From_rates_derives_continuous_amounts()
    {
        var derived = TieredMaintenanceSchedule.FromRates([0, 50_000, 250_000, 3_000_000], [0.004, 0.005, 0.01, 0.025]);
        derived.Brackets.Select(b => b.MaintenanceAmount).Should().Equal([0, 50, 1_300, 46_300], (a, b) => Math.Abs(a - b) < 1e-9);
        derived.BaseRate.Should().Be(0.004);
    }

    [Fact]
    public void Tiered_requirement_is_continuous_and_non_decreasing()
    {
        var gen = Gen.Select(Gen.Double[1, 1e5].Array[1, 6], Gen.Double[0, 0.2].Array[1, 6], Gen.Double[0, 5e5]);
        gen.Sample(
            (widths, increments, x) =>
            {
                var n = Math.Min(widths.Length, increments.Length);
                var floors = new double[n];
                var rates = new double[n];
                for (var i = 0; i < n; i++)
                {
                    floors[i] = i == 0 ? 0 : floors[i - 1] + widths[i];
                    rates[i] = Math.Min(0.99, (i == 0 ? 0 : rates[i - 1]) + (increments[i] / n));
                }

                var schedule = TieredMaintenanceSchedule.FromRates(floors, rates);

                // Non-decreasing: a larger notional never needs less.
                var step = 1 + (x * 1e-3);
                schedule.Requirement(x + step).Should().BeGreaterThanOrEqualTo(schedule.Requirement(x));

                // Continuous at every floor: the limit from below equals the value at the floor.
                foreach (var floor in floors.Skip(1))
                {
                    var below = schedule.Requirement(Math.BitDecrement(floor));
                    var at = schedule.Requirement(floor);
                    (at - below).Should().BeLessThan(1e-9 * Math.Max(1, at));
                }
            },
            iter: 3000);
    }

    [Fact]
    public void Square_root_requirement_by_hand()
    {
        var s = new SquareRootMaintenanceSchedule(0.01, 0.01, 1_000_000, 0.5);
        s.Requirement(0).Should().Be(0);
        s.Requirement(1_000_000).Should().BeApproximately(20_000, 1e-9);
        s.Requirement(4_000_000).Should().BeApproximately(120_000, 1e-9);
    }

    [Fact]
    public void Square_root_marginal_rate_is_capped_and_stays_convex()
    {
        // Marginal rate 1 % + 1.5 % × √(v / 1,000,000) reaches 10 % at v = 36,000,000; beyond, the requirement is linear.
        var s = new SquareRootMaintenanceSchedule(0.01, 0.01, 1_000_000, 0.10);
        var atCap = 36_000_000 * (0.01 + (0.01 * 6));
        s.Requirement(36_000_000).Should().BeApproximately(atCap, 1e-6);
        s.Requirement(46_000_000).Should().BeApproximately(atCap + (0.10 * 10_000_000), 1e-6);

        Gen.Double[0, 1e9].Sample(
            v =>
            {
                var h = 1 + (v * 1e-4);
                var slopeLeft = (s.Requirement(v + h) - s.Requirement(v)) / h;
                var slopeRight = (s.Requirement(v + (2 * h)) - s.Requirement(v + h)) / h;
                slopeLeft.Should().BeLessThanOrEqualTo(0.10 + 1e-9);
                slopeRight.Should().BeGreaterThanOrEqualTo(slopeLeft - 1e-9);
            },
            iter: 2000);
    }

    public static TheoryData<MaintenanceBracket[], string> BadBrackets => new()
    {
        { [new(1, 0.01, 0)], "'NotionalFloor' must be 0 for the first bracket" },
        { [new(0, 0.01, 5)], "'MaintenanceAmount' must be 0 for the first bracket" },
        { [new(0, 1.0, 0)], "'MaintenanceRate' must be finite and in [0, 1)" },
        { [new(0, double.NaN, 0)], "'MaintenanceRate' must be finite and in [0, 1)" },
        { [new(0, -0.01, 0)], "'MaintenanceRate' must be finite and in [0, 1)" },
        { [new(double.PositiveInfinity, 0.01, 0)], "'NotionalFloor' must be finite" },
        { [new(0, 0.01, 0), new(0, 0.02, 0)], "Maintenance bracket 1: 'NotionalFloor' must be above the previous bracket's floor" },
        { [new(0, 0.02, 0), new(10, 0.01, -0.1)], "Maintenance bracket 1: 'MaintenanceRate' must not be below the previous bracket's rate" },
        { [new(0, 0.01, 0), new(1000, 0.02, 11)], "Maintenance bracket 1: 'MaintenanceAmount' must be 10* to keep the requirement continuous at the bracket's floor; was 11" },
        { [new(0, 0.01, 0), new(1000, 0.02, double.NaN)], "'MaintenanceAmount' must be finite" },
    };

    [Theory]
    [MemberData(nameof(BadBrackets))]
    public void Bad_brackets_are_rejected_naming_the_field(MaintenanceBracket[] brackets, string message)
    {
        var act = () => new TieredMaintenanceSchedule(brackets);
        act.Should().Throw<ArgumentException>().WithMessage($"*{message}*").Which.ParamName.Should().Be("brackets");
    }

    [Fact]
    public void Empty_brackets_and_mismatched_rates_are_rejected()
    {
        FluentActions.Invoking(() => new TieredMaintenanceSchedule([])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => TieredMaintenanceSchedule.FromRates([0, 10], [0.01])).Should().Throw<ArgumentException>()
            .WithMessage("*'floors' has 2 entries but 'rates' has 1*");
    }

    [Theory]
    [InlineData(-0.01, 0.01, 1.0, 0.5, "baseRate")]
    [InlineData(1.0, 0.01, 1.0, 0.5, "baseRate")]
    [InlineData(0.01, double.NaN, 1.0, 0.5, "premiumAtReference")]
    [InlineData(0.01, -0.01, 1.0, 0.5, "premiumAtReference")]
    [InlineData(0.01, 0.01, 0.0, 0.5, "referenceNotional")]
    [InlineData(0.01, 0.01, double.PositiveInfinity, 0.5, "referenceNotional")]
    [InlineData(0.05, 0.01, 1.0, 0.04, "maxMarginalRate")]
    [InlineData(0.01, 0.01, 1.0, 1.0, "maxMarginalRate")]
    public void Bad_square_root_schedule_is_rejected(double baseRate, double premium, double reference, double max, string field) =>
        FluentActions.Invoking(() => new SquareRootMaintenanceSchedule(baseRate, premium, reference, max))
            .Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(field);
}
