using System.Text.Json;
using CascadeGuard.Margin;

namespace CascadeGuard.Tool.Map;

/// <summary>Writes a <see cref="MapReport"/> as JSON (field names in docs/cli.md).</summary>
internal static class MapJsonWriter
{
    public static void Write(Stream output, MapReport report)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("source", report.Source);
        json.WriteString("asset", report.Asset);
        json.WriteNumber("currentPrice", report.CurrentPrice);
        json.WriteNumber("lowestPrice", report.LowestPrice);
        json.WriteNumber("accounts", report.AccountCount);
        json.WriteNumber("totalDebt", report.TotalDebt);
        json.WriteNumber("cliffBucket", report.CliffIndex);
        json.WritePropertyName("liquidatableNow");
        Bucket(json, report.Summary.LiquidatableNow);
        json.WriteStartArray("buckets");
        foreach (var b in report.Buckets)
        {
            Bucket(json, b);
        }

        json.WriteEndArray();
        json.WritePropertyName("beyond");
        Bucket(json, report.Summary.Beyond);
        json.WriteNumber("unreachable", report.Summary.Unreachable);
        json.WriteStartArray("health");
        foreach (var band in report.Health)
        {
            json.WriteStartObject();
            json.WriteString("band", band.Label);
            json.WriteNumber("accounts", band.Accounts);
            json.WriteNumber("debtValue", band.DebtValue);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Bucket(Utf8JsonWriter json, LiquidationMapBucket b)
    {
        json.WriteStartObject();
        // The "liquidatable now" group has no upper edge: JSON has no infinity, so it is null.
        if (double.IsFinite(b.PriceHigh))
        {
            json.WriteNumber("priceHigh", b.PriceHigh);
        }
        else
        {
            json.WriteNull("priceHigh");
        }

        json.WriteNumber("priceLow", b.PriceLow);
        json.WriteNumber("accounts", b.Accounts);
        json.WriteNumber("debtValue", b.DebtValue);
        json.WriteNumber("collateralQuantity", b.CollateralQuantity);
        json.WriteNumber("collateralNotional", b.CollateralNotional);
        json.WriteEndObject();
    }
}
