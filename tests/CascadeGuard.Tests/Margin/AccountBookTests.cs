using CascadeGuard.Margin;
using CascadeGuard.Primitives;
using CascadeGuard.Tests.Support;

namespace CascadeGuard.Tests.Margin;

[Collection(AllocationMeasurements.Name)]
public class AccountBookTests
{
    private static readonly AssetId Eth = new(0);
    private static readonly AssetId Btc = new(1);
    private static readonly AssetId Usdc = new(2);
    private static readonly RiskParameterTable Table = new(
    [
        new AssetRiskParameters(0.80, 0.85, 0.05),
        new AssetRiskParameters(0.65, 0.70, 0.10),
        null,
    ]);

    private static AccountBook NewBook(int accounts)
    {
        var book = new AccountBook(assetCount: 3, collateralSlots: 2, debtSlots: 1, initialCapacity: 1);
        for (var i = 0; i < accounts; i++)
        {
            book.Add();
        }

        return book;
    }

    [Fact]
    public void Positions_round_trip_in_slot_order()
    {
        var book = NewBook(1);
        var a = new AccountId(0);
        book.SetCollateral(a, Eth, 2.0);
        book.SetCollateral(a, Btc, 0.5);
        book.SetDebt(a, Usdc, 1000.0);
        book.SetCollateral(a, Eth, 3.0); // update in place

        var collateral = new CollateralPosition[2];
        var debts = new DebtPosition[1];
        book.CopyCollateral(a, collateral).Should().Be(2);
        book.CopyDebts(a, debts).Should().Be(1);
        collateral.Should().Equal(new CollateralPosition(Eth, 3.0), new CollateralPosition(Btc, 0.5));
        debts.Should().Equal(new DebtPosition(Usdc, 1000.0));
    }

    [Fact]
    public void Zero_frees_a_slot_for_another_asset()
    {
        var book = NewBook(1);
        var a = new AccountId(0);
        book.SetCollateral(a, Eth, 2.0);
        book.SetCollateral(a, Btc, 1.0);
        book.SetCollateral(a, Eth, 0.0);
        book.SetCollateral(a, Usdc, 50.0);

        var collateral = new CollateralPosition[2];
        book.CopyCollateral(a, collateral).Should().Be(2);
        collateral.Should().BeEquivalentTo([new CollateralPosition(Usdc, 50.0), new CollateralPosition(Btc, 1.0)]);
    }

    [Fact]
    public void Full_slots_are_refused_and_the_account_is_unchanged()
    {
        var book = NewBook(1);
        var a = new AccountId(0);
        book.SetCollateral(a, Eth, 2.0);
        book.SetCollateral(a, Btc, 1.0);

        FluentActions.Invoking(() => book.SetCollateral(a, Usdc, 5.0))
            .Should().Throw<InvalidOperationException>().WithMessage("All 2 collateral slots*");

        var collateral = new CollateralPosition[2];
        book.CopyCollateral(a, collateral).Should().Be(2);
        collateral.Should().Equal(new CollateralPosition(Eth, 2.0), new CollateralPosition(Btc, 1.0));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.NegativeInfinity)]
    public void Bad_amounts_are_refused_and_the_account_is_unchanged(double amount)
    {
        var book = NewBook(1);
        var a = new AccountId(0);
        book.SetCollateral(a, Eth, 2.0);
        book.SetDebt(a, Usdc, 100.0);

        FluentActions.Invoking(() => book.SetCollateral(a, Eth, amount)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("quantity");
        FluentActions.Invoking(() => book.SetDebt(a, Usdc, amount)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("amount");

        var collateral = new CollateralPosition[2];
        var debts = new DebtPosition[1];
        book.CopyCollateral(a, collateral).Should().Be(1);
        book.CopyDebts(a, debts).Should().Be(1);
        collateral[0].Should().Be(new CollateralPosition(Eth, 2.0));
        debts[0].Should().Be(new DebtPosition(Usdc, 100.0));
    }

    [Fact]
    public void Unknown_accounts_and_assets_are_refused()
    {
        var book = NewBook(1);
        FluentActions.Invoking(() => book.SetCollateral(new AccountId(1), Eth, 1.0)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("account");
        FluentActions.Invoking(() => book.SetDebt(new AccountId(0), new AssetId(3), 1.0)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("asset");
        FluentActions.Invoking(() => book.CopyCollateral(new AccountId(0), new CollateralPosition[1])).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Batch_evaluation_writes_each_account()
    {
        var book = NewBook(3);
        book.SetCollateral(new AccountId(0), Eth, 2.0); // RA 3,400 vs 3,000 → 1.1333
        book.SetDebt(new AccountId(0), Usdc, 3000.0);
        book.SetCollateral(new AccountId(1), Eth, 1.0); // RA 1,700 vs 1,800 → liquidatable
        book.SetDebt(new AccountId(1), Usdc, 1800.0);
        book.SetCollateral(new AccountId(2), Btc, 1.0); // no debt

        var hf = new double[3];
        var status = new AccountStatus[3];
        book.Evaluate([2000.0, 30000.0, 1.0], Table, hf, status);

        hf.Should().Equal(3400.0 / 3000.0, 1700.0 / 1800.0, double.PositiveInfinity);
        status.Should().Equal(AccountStatus.Healthy, AccountStatus.Liquidatable, AccountStatus.Healthy);

        // A shard evaluates into spans indexed from zero.
        var shardHf = new double[1];
        var shardStatus = new AccountStatus[1];
        book.EvaluateRange(1, 1, [2000.0, 30000.0, 1.0], Table, shardHf, shardStatus);
        shardHf[0].Should().Be(1700.0 / 1800.0);
    }

    [Fact]
    public void Short_destinations_are_refused_naming_the_span()
    {
        var book = NewBook(2);
        var status = new AccountStatus[2];
        FluentActions.Invoking(() => book.CopyCollateral(new AccountId(0), new CollateralPosition[book.CollateralSlots - 1]))
            .Should().Throw<ArgumentException>().WithParameterName("destination");
        FluentActions.Invoking(() => book.CopyDebts(new AccountId(0), new DebtPosition[book.DebtSlots - 1]))
            .Should().Throw<ArgumentException>().WithParameterName("destination");
        FluentActions.Invoking(() => book.Evaluate([2000.0, 1.0, 1.0], Table, new double[1], status))
            .Should().Throw<ArgumentException>().WithParameterName("healthFactors").WithMessage("Destination 'healthFactors' has length 1; at least 2 is required.*");
        FluentActions.Invoking(() => book.Evaluate([2000.0, 1.0, 1.0], Table, new double[2], new AccountStatus[1]))
            .Should().Throw<ArgumentException>().WithParameterName("statuses");
    }

    [Fact]
    public void Batch_evaluation_rejects_bad_inputs_and_writes_nothing()
    {
        var book = NewBook(2);
        book.SetCollateral(new AccountId(0), Eth, 1.0);
        var hf = new double[] { -7, -7 };
        var status = new AccountStatus[2];

        FluentActions.Invoking(() => book.Evaluate([2000.0, double.NaN, 1.0], Table, hf, status)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("prices[1]");
        FluentActions.Invoking(() => book.Evaluate([2000.0, 1.0], Table, hf, status)).Should().Throw<ArgumentException>().WithMessage("*'prices' has 2 entries; 3 assets need a price*");
        FluentActions.Invoking(() => book.Evaluate([2000.0, 1.0, 1.0], Table, new double[1], status)).Should().Throw<ArgumentException>().WithMessage("*healthFactors*");
        FluentActions.Invoking(() => book.Evaluate([2000.0, 1.0, 1.0], new RiskParameterTable([null, null]), hf, status)).Should().Throw<ArgumentException>().WithMessage("*table has 2 assets*");
        FluentActions.Invoking(() => book.EvaluateRange(1, 2, [2000.0, 1.0, 1.0], Table, hf, status)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("count");
        FluentActions.Invoking(() => book.Evaluate([2000.0, 1.0, 1.0], Table, hf, status, double.NaN)).Should().Throw<ArgumentOutOfRangeException>();

        hf.Should().Equal(-7, -7);
    }

    [Fact]
    public void A_table_with_more_assets_than_the_book_needs_prices_only_for_the_books_assets()
    {
        var book = new AccountBook(assetCount: 2, collateralSlots: 1, debtSlots: 1);
        var id = book.Add();
        book.SetCollateral(id, Eth, 1.0);
        book.SetDebt(id, Btc, 0.01);
        var hf = new double[1];
        book.Evaluate([2000.0, 30000.0], Table, hf, new AccountStatus[1]);
        hf[0].Should().Be(1700.0 / 300.0);
    }

    [Fact]
    public void Grows_beyond_its_initial_capacity()
    {
        var book = NewBook(1000);
        book.SetDebt(new AccountId(999), Usdc, 5.0);
        book.Count.Should().Be(1000);
        var debts = new DebtPosition[1];
        book.CopyDebts(new AccountId(999), debts).Should().Be(1);
        debts[0].Amount.Should().Be(5.0);
    }

    [Fact]
    public void Batch_evaluation_allocates_nothing()
    {
        var book = NewBook(1000);
        for (var i = 0; i < 1000; i++)
        {
            book.SetCollateral(new AccountId(i), Eth, 1.0 + i);
            book.SetDebt(new AccountId(i), Usdc, 1000.0);
        }

        var hf = new double[1000];
        var status = new AccountStatus[1000];
        double[] prices = [2000.0, 30000.0, 1.0];
        book.Evaluate(prices, Table, hf, status);
        var before = GC.GetAllocatedBytesForCurrentThread();
        book.Evaluate(prices, Table, hf, status);
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }
}
