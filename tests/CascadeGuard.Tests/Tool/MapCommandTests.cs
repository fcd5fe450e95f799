using System.Text.Json;

namespace CascadeGuard.Tests.Tool;

public class MapCommandTests
{
    private const string Header = "record,account,asset,amount,price,loan_to_value,liquidation_threshold,liquidation_penalty\n";
    private const string Assets = "asset,,ETH,,2000,0.8,0.85,0.05\nasset,,USDC,,1,,,\n";

    [Fact]
    public void Default_run_maps_the_bundled_sample()
    {
        var (code, output, error) = ToolRunner.Run("map");
        code.Should().Be(0);
        error.Should().BeEmpty();
        output.Should().Contain("Liquidation map for ETH from accounts.csv").And.Contain("3,000 accounts").And.Contain("◀ cliff").And.Contain("Health factor");
    }

    [Fact]
    public void Json_output_has_every_field_and_accounts_add_up()
    {
        var (code, output, _) = ToolRunner.Run("map", "--json", "--buckets", "7", "--drop", "0.6");
        code.Should().Be(0);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("asset").GetString().Should().Be("ETH");
        root.GetProperty("currentPrice").GetDouble().Should().Be(3000);
        root.GetProperty("lowestPrice").GetDouble().Should().BeApproximately(1200, 1e-9);
        var buckets = root.GetProperty("buckets");
        buckets.GetArrayLength().Should().Be(7);
        var accounts = root.GetProperty("liquidatableNow").GetProperty("accounts").GetInt32()
            + buckets.EnumerateArray().Sum(b => b.GetProperty("accounts").GetInt32())
            + root.GetProperty("beyond").GetProperty("accounts").GetInt32()
            + root.GetProperty("unreachable").GetInt32();
        accounts.Should().Be(root.GetProperty("accounts").GetInt32(), "every sample account has debt");
        root.GetProperty("health").EnumerateArray().Sum(b => b.GetProperty("accounts").GetInt32()).Should().Be(3000);
    }

    [Fact]
    public void Small_csv_book_gives_exact_figures()
    {
        // 1 ETH at 2,000 (LT 0.85) against 1,360 USDC breaches at 1,600; against 1,530 at 1,800.
        var path = ToolRunner.WriteTemp(".csv", Header + Assets + "collateral,a,ETH,1,,,,\ndebt,a,USDC,1360,,,,\ncollateral,\"b,2\",ETH,1,,,,\ndebt,\"b,2\",USDC,1530,,,,\n");
        var (code, output, _) = ToolRunner.Run("map", "--accounts", path, "--json", "--buckets", "2", "--drop", "0.5");
        code.Should().Be(0);
        using var doc = JsonDocument.Parse(output);
        var buckets = doc.RootElement.GetProperty("buckets");
        buckets[0].GetProperty("accounts").GetInt32().Should().Be(2); // (1,500, 2,000]
        buckets[0].GetProperty("debtValue").GetDouble().Should().Be(2890);
        buckets[0].GetProperty("collateralNotional").GetDouble().Should().BeApproximately(3400, 1e-9);
    }

    [Fact]
    public void Json_book_with_a_tiered_schedule_is_read()
    {
        var path = ToolRunner.WriteTemp(".json", """
            {
              "assets": [
                { "name": "BTC", "price": 100000, "loanToValue": 0.9, "liquidationThreshold": 0.996, "liquidationPenalty": 0.002,
                  "maintenanceBrackets": [
                    { "notionalFloor": 0, "maintenanceRate": 0.004, "maintenanceAmount": 0 },
                    { "notionalFloor": 50000, "maintenanceRate": 0.005, "maintenanceAmount": 50 },
                    { "notionalFloor": 250000, "maintenanceRate": 0.01, "maintenanceAmount": 1300 } ] },
                { "name": "USDT", "price": 1 }
              ],
              "accounts": [ { "id": "whale", "collateral": { "BTC": 3 }, "debt": { "USDT": 250000 } } ]
            }
            """);
        var (code, output, error) = ToolRunner.Run("map", "--accounts", path, "--json", "--buckets", "4");
        error.Should().BeEmpty();
        code.Should().Be(0);
        using var doc = JsonDocument.Parse(output);
        var hit = doc.RootElement.GetProperty("buckets").EnumerateArray().Single(b => b.GetProperty("accounts").GetInt32() == 1);

        // Liquidation price 248,700 / 2.97 = 83,737.37 (see LiquidationPriceTests): bucket (75,000, 87,500].
        hit.GetProperty("priceHigh").GetDouble().Should().Be(87_500);
        hit.GetProperty("collateralNotional").GetDouble().Should().BeApproximately(248_700.0 / 0.99, 1e-6);
    }

    [Theory]
    [InlineData(Header + Assets + "collateral,a,ETH,1,,,,\ndebt,a,USDC,-5,,,,\n", "row 5, field 'amount': must be a finite number")]
    [InlineData(Header + Assets + "collateral,a,ETH,abc,,,,\n", "row 4, field 'amount': 'abc' is not a number")]
    [InlineData(Header + Assets + "collateral,a,ETH,NaN,,,,\n", "row 4, field 'amount': must be a finite number")]
    [InlineData(Header + Assets + "collateral,a,BTC,1,,,,\n", "row 4, field 'asset': asset 'BTC' is not defined")]
    [InlineData(Header + Assets + "collateral,a,ETH,1,,,,\ncollateral,a,ETH,2,,,,\n", "row 5, field 'asset': account 'a' already has a collateral position in ETH")]
    [InlineData(Header + Assets + "asset,,ETH,,3000,0.8,0.85,0.05\n", "row 4, field 'asset': asset 'ETH' is defined twice")]
    [InlineData(Header + "asset,,ETH,,0,0.8,0.85,0.05\n", "row 2, field 'price': must be a finite positive number")]
    [InlineData(Header + "asset,,ETH,,2000,0.8,1.2,0.05\n", "row 2, field 'liquidation_threshold'")]
    [InlineData(Header + "asset,,ETH,,2000,0.9,0.85,0.05\n", "row 2, field 'loan_to_value'")]
    [InlineData(Header + "asset,,ETH,,2000,0.8,,0.05\n", "row 2, field 'liquidation_threshold': a number is required")]
    [InlineData(Header + Assets + "loan,a,ETH,1,,,,\n", "row 4, field 'record': must be 'asset', 'collateral' or 'debt'")]
    [InlineData(Header + Assets + "collateral,\"a,ETH,1,,,,\n", "row 4, field 'record': a quoted field is not closed")]
    [InlineData("record,account,asset,amount,price\n", "row 1 (header), field 'loan_to_value': the column is missing")]
    [InlineData("", "row 1, field 'record': the file is empty")]
    [InlineData(Header, "file, field 'asset': the book defines no assets")]
    public void Malformed_csv_gets_one_error_line_naming_row_and_field_and_exit_2(string content, string expected)
    {
        var path = ToolRunner.WriteTemp(".csv", content);
        var (code, output, error) = ToolRunner.Run("map", "--accounts", path);
        code.Should().Be(2);
        output.Should().BeEmpty("nothing is half-printed");
        error.Should().StartWith("error: ").And.Contain(expected);
        error.TrimEnd().Split('\n').Should().HaveCount(1);
    }

    [Theory]
    [InlineData("""{ "assets": [ { "name": "ETH" } ], "accounts": [] }""", "assets[0], field 'price': a number is required")]
    [InlineData("""{ "assets": [ { "name": "ETH", "price": "x" } ], "accounts": [] }""", "assets[0], field 'price': must be a number")]
    [InlineData("""{ "assets": [ { "name": "ETH", "price": 1 } ], "accounts": [ { "id": "a", "debt": { "ETH": "1" } } ] }""", "accounts[0].debt.ETH, field 'amount': must be a number")]
    [InlineData("""{ "assets": [ { "name": "ETH", "price": 1 } ], "accounts": [ { "collateral": {} } ] }""", "accounts[0], field 'id': a string is required")]
    [InlineData("""{ "assets": [ { "name": "ETH", "price": 1, "loanToValue": 0.5, "liquidationThreshold": 0.6, "liquidationPenalty": 0.1, "maintenanceBrackets": [ { "notionalFloor": 5, "maintenanceRate": 0.1, "maintenanceAmount": 0 } ] } ], "accounts": [] }""", "assets[0], field 'brackets': Maintenance bracket 0: 'NotionalFloor' must be 0")]
    [InlineData("""{ "assets": [ { "name": "ETH", "price": 1, "loanToValue": 0.7, "liquidationThreshold": 0.6, "liquidationPenalty": 0.1 } ], "accounts": [] }""", "assets[0], field 'loanToValue'")]
    [InlineData("""{ "assets": [ ], "accounts": 3 }""", "field 'accounts': an array is required")]
    [InlineData("""{ "assets": [ """, "field 'json': not valid JSON")]
    [InlineData("""[1, 2]""", "field 'json': the book must be a JSON object")]
    public void Malformed_json_gets_one_error_line_naming_the_path_and_exit_2(string content, string expected)
    {
        var path = ToolRunner.WriteTemp(".json", content);
        var (code, output, error) = ToolRunner.Run("map", "--accounts", path);
        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().StartWith("error: ").And.Contain(expected);
        error.TrimEnd().Split('\n').Should().HaveCount(1);
    }

    [Theory]
    [InlineData(new[] { "map", "--buckets", "0" }, "option '--buckets' must be a whole number from 1 to 1000; was '0'")]
    [InlineData(new[] { "map", "--buckets" }, "option '--buckets' needs a value")]
    [InlineData(new[] { "map", "--drop", "2" }, "option '--drop' must be a number from 0.01 to 1")]
    [InlineData(new[] { "map", "--json", "--json" }, "option '--json' is given twice")]
    [InlineData(new[] { "map", "--colour", "red" }, "unknown option '--colour'")]
    [InlineData(new[] { "map", "extra" }, "unexpected argument 'extra'")]
    [InlineData(new[] { "map", "--asset", "DOGE" }, "asset 'DOGE' is not in the book")]
    [InlineData(new[] { "map", "--asset", "DAI" }, "asset 'DAI' is not accepted as collateral")]
    [InlineData(new[] { "map", "--accounts", "/no/such/file.csv" }, "the file does not exist")]
    [InlineData(new[] { "map", "--accounts", "book.xlsx" }, "does not exist")]
    [InlineData(new[] { "liquidate" }, "unknown command 'liquidate'")]
    public void Bad_arguments_get_one_error_line_and_exit_2(string[] args, string expected)
    {
        var (code, output, error) = ToolRunner.Run(args);
        code.Should().Be(2);
        output.Should().BeEmpty();
        error.Should().StartWith("error: ").And.Contain(expected);
    }

    [Fact]
    public void Unknown_extension_is_refused()
    {
        var path = ToolRunner.WriteTemp(".xlsx", "x");
        var (code, _, error) = ToolRunner.Run("map", "--accounts", path);
        code.Should().Be(2);
        error.Should().Contain("unknown extension '.xlsx': use .csv or .json");
    }

    [Fact]
    public void Help_lists_the_commands()
    {
        var (code, output, _) = ToolRunner.Run("help");
        code.Should().Be(0);
        output.Should().Contain("cascadeguard map [--accounts FILE]");
        ToolRunner.Run().ExitCode.Should().Be(2);
    }
}
