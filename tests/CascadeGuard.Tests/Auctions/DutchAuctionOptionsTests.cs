using CascadeGuard.Auctions;
using CascadeGuard.Primitives;

namespace CascadeGuard.Tests.Auctions;

public class DutchAuctionOptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_as_documented()
    {
        var o = new DutchAuctionOptions();
        o.Validate();
        o.Curve.Should().Be(AuctionPriceCurve.StairStepExponential(0.99, TimeSpan.FromSeconds(90)));
        o.StartBuffer.Should().Be(1.2m);
        o.FloorFraction.Should().Be(0m);
        o.MaxDuration.Should().Be(TimeSpan.FromHours(2));
        o.ResetPriceFraction.Should().Be(0.5m);
        o.MinimumDebt.Should().Be(0m);
        o.IncentiveFlat.Should().Be(0m);
        o.IncentiveRate.Should().Be(0m);
        o.MaxDebtInAuction.Should().Be(decimal.MaxValue);
        o.AssetDebtLimits.Should().BeEmpty();
        (o.QuantityDecimals, o.PriceDecimals, o.MoneyDecimals).Should().Be((8, 8, 8));
    }

    public static TheoryData<string, string> Invalid => new()
    {
        { "curve", "curve" },
        { "QuantityDecimals", "QuantityDecimals" },
        { "PriceDecimals", "PriceDecimals" },
        { "MoneyDecimals", "MoneyDecimals" },
        { "decimal sum", "PriceDecimals" },
        { "StartBuffer zero", "StartBuffer" },
        { "StartBuffer large", "StartBuffer" },
        { "FloorFraction negative", "FloorFraction" },
        { "FloorFraction above buffer", "FloorFraction" },
        { "ResetPriceFraction above buffer", "ResetPriceFraction" },
        { "no floor and no reset price", "ResetPriceFraction" },
        { "MaxDuration", "MaxDuration" },
        { "MinimumDebt negative", "MinimumDebt" },
        { "MinimumDebt places", "MinimumDebt" },
        { "IncentiveFlat", "IncentiveFlat" },
        { "IncentiveRate negative", "IncentiveRate" },
        { "IncentiveRate above one", "IncentiveRate" },
        { "MaxDebtInAuction", "MaxDebtInAuction" },
        { "asset limit", "AssetDebtLimits[3]" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Each_rule_is_enforced_naming_the_setting(string rule, string name)
    {
        var o = new DutchAuctionOptions();
        switch (rule)
        {
            case "curve": o.Curve = default; break;
            case "QuantityDecimals": o.QuantityDecimals = -1; break;
            case "PriceDecimals": o.PriceDecimals = 29; break;
            case "MoneyDecimals": o.MoneyDecimals = 29; break;
            case "decimal sum": o.QuantityDecimals = 18; o.PriceDecimals = 11; break;
            case "StartBuffer zero": o.StartBuffer = 0m; break;
            case "StartBuffer large": o.StartBuffer = 100.01m; break;
            case "FloorFraction negative": o.FloorFraction = -0.1m; break;
            case "FloorFraction above buffer": o.FloorFraction = 1.21m; break;
            case "ResetPriceFraction above buffer": o.ResetPriceFraction = 1.3m; break;
            case "no floor and no reset price": o.ResetPriceFraction = 0m; break;
            case "MaxDuration": o.MaxDuration = TimeSpan.Zero; break;
            case "MinimumDebt negative": o.MinimumDebt = -1m; break;
            case "MinimumDebt places": o.MoneyDecimals = 2; o.MinimumDebt = 0.001m; break;
            case "IncentiveFlat": o.IncentiveFlat = -1m; break;
            case "IncentiveRate negative": o.IncentiveRate = -0.01m; break;
            case "IncentiveRate above one": o.IncentiveRate = 1.01m; break;
            case "MaxDebtInAuction": o.MaxDebtInAuction = 0m; break;
            case "asset limit": o.AssetDebtLimits[new AssetId(3)] = -1m; break;
        }

        o.Invoking(x => x.Validate()).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be(name);
    }

    [Fact]
    public void Boundaries_inside_the_ranges_are_accepted()
    {
        var o = new DutchAuctionOptions
        {
            QuantityDecimals = 20,
            PriceDecimals = 8,
            StartBuffer = 100m,
            FloorFraction = 100m,
            ResetPriceFraction = 100m,
            IncentiveRate = 1m,
            MinimumDebt = 0.00000001m,
        };
        o.AssetDebtLimits[new AssetId(0)] = 0m;
        o.Validate();
        o.FloorFraction = 0m;
        o.ResetPriceFraction = 0.00000001m;
        o.Validate();
    }
}
