using System.Text.Json.Nodes;
using CascadeGuard.Auctions;
using static CascadeGuard.Tests.Auctions.AuctionHouseFixture;

namespace CascadeGuard.Tests.Auctions;

public class AuctionSnapshotTests
{
    private static (AuctionHouseFixture Fixture, string Json) Busy()
    {
        var f = new AuctionHouseFixture();
        f.Options.AssetDebtLimits[Btc] = 5000m; // after construction: not in the house, so not in the snapshot
        var a = f.StartEth(10m, 1500m);
        f.StartEth(3m, 400m);
        f.House.Take(a, 2m, 240m);
        f.Advance(601);
        f.House.Reset(a, 180m);
        f.House.SetStopLevel(AuctionStopLevel.NoNewStarts);
        return (f, f.House.SaveSnapshot());
    }

    [Fact]
    public void Snapshot_is_versioned_json_with_exact_decimals()
    {
        var (_, json) = Busy();
        var root = JsonNode.Parse(json)!;
        root["Version"]!.GetValue<int>().Should().Be(1);
        root["StopLevel"]!.GetValue<string>().Should().Be("NoNewStarts");
        root["Options"]!["CurveKind"]!.GetValue<string>().Should().Be("Linear");
        root["Options"]!["AssetDebtLimits"]!.AsArray().Should().BeEmpty();
        root["Auctions"]!.AsArray().Should().HaveCount(2);
        root["Auctions"]![0]!["Debt"]!.GetValue<decimal>().Should().Be(1020m);
        root["Auctions"]![0]!["StartPrice"]!.GetValue<decimal>().Should().Be(216m);
    }

    [Fact]
    public void Restored_house_answers_like_the_original()
    {
        var (f, json) = Busy();
        var g = new AuctionHouseFixture();
        g.Time.SetUtcNow(f.Time.GetUtcNow());
        var restored = DutchAuctionHouse.Restore(json, g.Time, g.Sink);
        restored.SaveSnapshot().Should().Be(json);
        restored.StopLevel.Should().Be(AuctionStopLevel.NoNewStarts);
        restored.GetStatistics().Should().Be(f.House.GetStatistics());
        restored.GetAssetTotals(Eth).Should().Be(f.House.GetAssetTotals(Eth));

        f.Advance(100);
        g.Advance(100);
        var id = new AuctionId(1);
        restored.Take(id, 100m, 1000m).Should().Be(f.House.Take(id, 100m, 1000m));
        restored.Start(Alice, Eth, 1m, 100m, 200m).Should().Be(f.House.Start(Alice, Eth, 1m, 100m, 200m));
        restored.SetStopLevel(AuctionStopLevel.None);
        f.House.SetStopLevel(AuctionStopLevel.None);
        restored.Start(Alice, Eth, 1m, 100m, 200m).Should().Be(f.House.Start(Alice, Eth, 1m, 100m, 200m));
        restored.SaveSnapshot().Should().Be(f.House.SaveSnapshot());
    }

    public static TheoryData<string, string, string> Tampered => new()
    {
        { "Version", "2", "this build reads 1" },
        { "NextId", "1", "Auctions[id 1]" },                         // auctions 1 and 2 would not have been issued
        { "StopLevel", "\"Frozen\"", "not valid JSON" },
        { "Auctions.0.Lot", "0", "Auctions[id 1]" },
        { "Auctions.0.Lot", "7.123456789", "Auctions[id 1]" },        // nine places
        { "Auctions.0.Debt", "1020.001", "Auctions[id 1]" },          // three places
        { "Auctions.0.FloorPrice", "500", "Auctions[id 1]" },         // above the start price
        { "Auctions.0.Asset", "5", "Auctions[id 1]" },                // no totals for asset 5
        { "Auctions.1.Id", "1", "Auctions[id 1]" },                   // repeated
        { "Assets.0.Totals.CollateralSold", "2.5", "does not conserve" },
        { "Assets.0.Totals.DebtRaised", "481", "does not conserve" },
        { "Assets.0.Totals.DebtInAuction", "1440", "differ from the running auctions" }, // conserves, but not the auctions' sum
        { "Options.CurveCut", "1.5", "CurveCut" },
        { "Options.CurveKind", "\"StairStepExponential\"", "cut" },  // with the linear curve's cut of 0
        { "Options.CurvePeriod", "\"-00:00:05\"", "duration" },
        { "Options.MinimumDebt", "-1", "MinimumDebt" },
        { "Options.QuantityDecimals", "40", "QuantityDecimals" },
    };

    [Theory]
    [MemberData(nameof(Tampered))]
    public void Tampered_snapshots_are_refused_naming_json(string path, string value, string reason)
    {
        var (_, json) = Busy();
        var root = JsonNode.Parse(json)!;
        var parts = path.Split('.');
        JsonNode node = root;
        for (int i = 0; i < parts.Length - 1; i++)
        {
            node = int.TryParse(parts[i], out int index) ? node[index]! : node[parts[i]]!;
        }

        if (path == "Assets.0.Totals.DebtInAuction")
        {
            node["DebtStarted"] = JsonValue.Create(480m + 1440m);          // keep DebtStarted = raised + shortfall + in auction
        }

        node[parts[^1]] = JsonNode.Parse(value);
        var act = () => DutchAuctionHouse.Restore(root.ToJsonString(), new AuctionHouseFixture().Time, new ShortfallTally());
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "json").WithMessage("*" + reason + "*");
    }

    [Fact]
    public void A_start_price_off_the_price_grid_is_refused_naming_json()
    {
        // 10⁻²⁸ with a floor of 0: before the grid check, the exactness bound 10¹²/10⁻²⁸ overflowed decimal.
        var (_, json) = Busy();
        var root = JsonNode.Parse(json)!;
        root["Auctions"]![0]!["StartPrice"] = JsonNode.Parse("0.0000000000000000000000000001");
        root["Auctions"]![0]!["FloorPrice"] = JsonNode.Parse("0");
        var act = () => DutchAuctionHouse.Restore(root.ToJsonString(), new AuctionHouseFixture().Time, new ShortfallTally());
        act.Should().Throw<ArgumentException>().Where(e => e.ParamName == "json").WithMessage("*'Auctions[id 1].StartPrice'*");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("{\"Version\":1}")]
    [InlineData("[1,2]")]
    public void Malformed_snapshots_are_refused_naming_json(string json)
    {
        var act = () => DutchAuctionHouse.Restore(json, new AuctionHouseFixture().Time, new ShortfallTally());
        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("json");
    }

    [Fact]
    public void Restore_rejects_null_arguments()
    {
        var (_, json) = Busy();
        var noJson = () => DutchAuctionHouse.Restore(null!, new AuctionHouseFixture().Time, new ShortfallTally());
        noJson.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("json");
        var noTime = () => DutchAuctionHouse.Restore(json, null!, new ShortfallTally());
        noTime.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("timeProvider");
    }
}
