using CascadeGuard.Ledgers.Waterfall;
using CascadeGuard.Primitives;

namespace CascadeGuard.Tests.Ledgers.Waterfall;

public class AutoDeleveragingTests
{
    [Theory]
    [InlineData(0.5, 10, 5.0)]
    [InlineData(1.0, 3, 3.0)]
    [InlineData(0.0, 10, 0.0)]
    [InlineData(-0.5, 64, -0.0078125)] // losing: PnL ÷ leverage (binary-exact values)
    [InlineData(-0.5, 2, -0.25)]
    [InlineData(0.8, 0, double.NegativeInfinity)]
    public void Score_is_pnl_times_leverage_when_profitable_and_pnl_over_leverage_when_not(double profit, double leverage, double expected)
    {
        AutoDeleveraging.Score(profit, leverage).Should().Be(expected);
    }

    [Theory]
    [InlineData(double.NaN, 1, "profitFraction")]
    [InlineData(0.1, double.PositiveInfinity, "effectiveLeverage")]
    [InlineData(0.1, -1, "effectiveLeverage")]
    public void Score_rejects_non_finite_or_negative_inputs(double profit, double leverage, string parameter)
    {
        FluentActions.Invoking(() => AutoDeleveraging.Score(profit, leverage)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName(parameter);
    }

    [Fact]
    public void Ranks_highest_score_first_losers_last_ties_by_account_and_skips_the_ineligible()
    {
        AdlCandidate[] candidates =
        [
            new(new AccountId(10), 0.5, 10, 100m),
            new(new AccountId(11), 1.0, 3, 500m),
            new(new AccountId(9), 0.2, 25, 40m),
            new(new AccountId(12), -0.5, 64, 70m),
            new(new AccountId(13), 0.8, 0, 70m),
            new(new AccountId(14), 2.0, 2, 0m),
            new(new AccountId(15), -0.5, 2, 20m),
        ];
        var ranked = new AdlAllocation[candidates.Length];
        var n = AutoDeleveraging.Rank(candidates, ranked);
        ranked[..n].Select(a => (a.Account.Value, a.Score, a.Amount)).Should().Equal((9, 5.0, 40m), (10, 5.0, 100m), (11, 3.0, 500m), (12, -0.0078125, 70m), (15, -0.25, 20m));
    }

    [Fact]
    public void Rank_checks_its_arguments()
    {
        AdlCandidate[] bad = [new(new AccountId(1), double.NaN, 1, 1m)];
        FluentActions.Invoking(() => AutoDeleveraging.Rank(bad, new AdlAllocation[1])).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("candidates");
        AdlCandidate[] negative = [new(new AccountId(1), 0.1, 1, -1m)];
        FluentActions.Invoking(() => AutoDeleveraging.Rank(negative, new AdlAllocation[1])).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("candidates");
        FluentActions.Invoking(() => AutoDeleveraging.Rank(negative, [])).Should().Throw<ArgumentException>().WithParameterName("destination");
    }
}
