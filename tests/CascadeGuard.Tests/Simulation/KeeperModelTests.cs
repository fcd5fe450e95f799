using CascadeGuard.Simulation.Market;
using CascadeGuard.Simulation.Policies;

namespace CascadeGuard.Tests.Simulation;

/// <summary>
/// The auction policy's taker model, x = max(0, κ·(B(P_k) + S) − S) with P_k = P / (1 − c), taken only when the discount
/// to the book's mid exceeds c. Worked on a flat book (β = 1: B(p) = A·(1 − p/U) − consumed) with binary-exact numbers.
/// </summary>
public class KeeperModelTests
{
    // U = 2,048, A = 1,000 units between the price and zero, nothing consumed: B(p) = 1,000 · (1 − p/2,048).
    private static ImpactMarket FlatBook() => ImpactMarket.WithImpact(new DepthProfile(1, 1_000), TimeSpan.FromDays(1), TimeSpan.FromMinutes(1), 0, 2_048);

    [Fact]
    public void Keepers_take_their_share_of_the_depth_above_the_break_even_price()
    {
        // c = 0.25, P = 1,152: P_k = 1,152 / 0.75 = 1,536; B = 1,000 · (1 − 1,536/2,048) = 250; κ = 0.5 → 125 units.
        var keepers = new KeeperModel(0.25, 0.5);
        var market = new MarketView(FlatBook());
        keepers.BreakEven(1_152).Should().Be(1_536);
        keepers.Demand(1_152, market, 0).Should().Be(125);

        // After 50 units resold this step: κ·(B + S) − S = 0.5 · (250 + 50) − 50 = 100 (B is measured on the current book).
        keepers.Demand(1_152, market, 50).Should().Be(100);

        // All keepers together never resell more than κ of the depth: with S = 250 already, nothing more.
        keepers.Demand(1_152, market, 250).Should().Be(0);
    }

    [Fact]
    public void Keepers_take_nothing_unless_the_discount_exceeds_their_cost()
    {
        // Mid 2,048, c = 0.25: the break-even price of P = 1,536 is exactly the mid (discount 25 % = c): no take.
        var keepers = new KeeperModel(0.25, 1);
        var market = new MarketView(FlatBook());
        keepers.Demand(1_536, market, 0).Should().Be(0);
        keepers.Demand(2_048, market, 0).Should().Be(0, "no discount at all");
        keepers.Demand(3_000, market, 0).Should().Be(0, "a premium");

        // One step below: P = 1,535.25 → P_k = 2,047 → B = 1,000 · (1/2,048) = 0.48828125, all of it at κ = 1.
        keepers.Demand(1_535.25, market, 0).Should().Be(0.48828125);
    }

    [Fact]
    public void The_depth_keepers_see_is_what_earlier_sales_left()
    {
        // Sell 100 units first: the mid falls to 2,048 · (1 − 0.1) = 1,843.2 and B(1,536) = 250 − 100 = 150; κ = 0.5 → 75.
        var book = FlatBook();
        book.Sell(100, 0);
        new KeeperModel(0.25, 0.5).Demand(1_152, new MarketView(book), 0).Should().BeApproximately(75, 1e-9);
    }

    [Fact]
    public void On_a_book_of_infinite_depth_keepers_take_any_lot_once_the_discount_covers_the_cost()
    {
        var keepers = new KeeperModel(0.005, 0.5);
        var infinite = new MarketView(ImpactMarket.WithoutImpact(2_000));
        keepers.Demand(1_989, infinite, 0).Should().Be(double.PositiveInfinity); // 1,989 / 0.995 = 1,998.99 < 2,000
        keepers.Demand(1_990, infinite, 0).Should().Be(0); // 1,990 / 0.995 = 2,000: a discount of exactly c
    }

    [Fact]
    public void Default_keepers_on_the_fitted_book_shape()
    {
        // Independent derivation (Python, IEEE doubles): β = 1.329, A = 5·10⁶, U = 2,000, P = 1,900, c = 0.005, κ = 0.5:
        // P_k = 1,909.5477386934674, δ = 1 − P_k/U = 0.045226130653266305, B = A·δ^β = 81,654.95820151152,
        // x = 40,827.47910075576; with S = 1,000 resold, x = 40,327.47910075576.
        var book = ImpactMarket.WithImpact(new DepthProfile(1.329, 5e6), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(1), 0.25, 2_000);
        var keepers = new KeeperModel(new AuctionParameters().KeeperCost, new AuctionParameters().KeeperParticipation);
        keepers.BreakEven(1_900).Should().BeApproximately(1_909.5477386934674, 1e-9);
        keepers.Demand(1_900, new MarketView(book), 0).Should().BeApproximately(40_827.47910075576, 1e-7);
        keepers.Demand(1_900, new MarketView(book), 1_000).Should().BeApproximately(40_327.47910075576, 1e-7);
    }

    [Theory]
    [InlineData(-0.01, 0.5)]
    [InlineData(1.0, 0.5)]
    [InlineData(double.NaN, 0.5)]
    [InlineData(0.005, 0.0)]
    [InlineData(0.005, 1.01)]
    [InlineData(0.005, double.PositiveInfinity)]
    public void Bad_parameters_are_refused(double cost, double participation)
    {
        var act = () => new KeeperModel(cost, participation);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
