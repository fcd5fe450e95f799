using System.Globalization;
using System.Text.Json;
using CascadeGuard.Margin;

namespace CascadeGuard.Tool.Books;

/// <summary>
/// Reads the JSON book format (docs/cli.md): <c>{"assets": [...], "accounts": [...]}</c>, where an asset may carry a
/// size schedule (<c>maintenanceBrackets</c> or <c>squareRootSchedule</c>). Locations are JSON paths such as
/// <c>accounts[3].collateral.ETH</c>.
/// </summary>
internal static class JsonBookReader
{
    public static LoadedBook Read(string path, Stream stream)
    {
        var builder = new BookBuilder(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw builder.Error($"line {(e.LineNumber ?? 0) + 1}", "json", "not valid JSON: " + e.Message);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw builder.Error("$", "json", "the book must be a JSON object with 'assets' and 'accounts'");
            }

            var assets = Array(builder, root, "$", "assets");
            for (var i = 0; i < assets.GetArrayLength(); i++)
            {
                ReadAsset(builder, $"assets[{i}]", assets[i]);
            }

            var accounts = Array(builder, root, "$", "accounts");
            for (var i = 0; i < accounts.GetArrayLength(); i++)
            {
                ReadAccount(builder, $"accounts[{i}]", accounts[i]);
            }
        }

        return builder.Build();
    }

    private static void ReadAsset(BookBuilder builder, string location, JsonElement asset)
    {
        var name = Text(builder, asset, location, "name");
        var price = Number(builder, asset, location, "price");
        AssetRiskParameters? parameters = null;
        if (asset.TryGetProperty("liquidationThreshold", out _))
        {
            var schedule = ReadSchedule(builder, location, asset);
            parameters = RiskParameters.Create(
                builder,
                location,
                Number(builder, asset, location, "loanToValue"),
                Number(builder, asset, location, "liquidationThreshold"),
                Number(builder, asset, location, "liquidationPenalty"),
                schedule,
                field => field switch
                {
                    "loan_to_value" => "loanToValue",
                    "liquidation_threshold" => "liquidationThreshold",
                    "liquidation_penalty" => "liquidationPenalty",
                    _ => field,
                });
        }

        builder.AddAsset(location, name, price, parameters);
    }

    private static MaintenanceSchedule? ReadSchedule(BookBuilder builder, string location, JsonElement asset)
    {
        try
        {
            if (asset.TryGetProperty("maintenanceBrackets", out var brackets))
            {
                if (brackets.ValueKind != JsonValueKind.Array)
                {
                    throw builder.Error(location, "maintenanceBrackets", "must be an array");
                }

                var list = new List<MaintenanceBracket>();
                for (var k = 0; k < brackets.GetArrayLength(); k++)
                {
                    var b = brackets[k];
                    var at = $"{location}.maintenanceBrackets[{k}]";
                    list.Add(new MaintenanceBracket(
                        Number(builder, b, at, "notionalFloor"),
                        Number(builder, b, at, "maintenanceRate"),
                        Number(builder, b, at, "maintenanceAmount")));
                }

                return new TieredMaintenanceSchedule(list);
            }

            if (asset.TryGetProperty("squareRootSchedule", out var root))
            {
                var at = $"{location}.squareRootSchedule";
                return new SquareRootMaintenanceSchedule(
                    Number(builder, root, at, "baseRate"),
                    Number(builder, root, at, "premiumAtReference"),
                    Number(builder, root, at, "referenceNotional"),
                    Number(builder, root, at, "maxMarginalRate"));
            }

            return null;
        }
        catch (ArgumentException e)
        {
            throw builder.Error(location, e.ParamName ?? "schedule", RiskParameters.FirstSentence(e.Message));
        }
    }

    private static void ReadAccount(BookBuilder builder, string location, JsonElement account)
    {
        var id = Text(builder, account, location, "id");
        foreach (var (side, isDebt) in new[] { ("collateral", false), ("debt", true) })
        {
            if (!account.TryGetProperty(side, out var positions))
            {
                continue;
            }

            if (positions.ValueKind != JsonValueKind.Object)
            {
                throw builder.Error(location, side, "must be an object of asset name to amount");
            }

            foreach (var p in positions.EnumerateObject())
            {
                var at = $"{location}.{side}.{p.Name}";
                if (p.Value.ValueKind != JsonValueKind.Number || !p.Value.TryGetDouble(out var amount))
                {
                    throw builder.Error(at, "amount", $"must be a number; was {p.Value.GetRawText()}");
                }

                builder.AddPosition(at, isDebt, id, p.Name, amount);
            }
        }
    }

    private static JsonElement Array(BookBuilder builder, JsonElement parent, string location, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value
            : throw builder.Error(location, name, "an array is required");

    private static string Text(BookBuilder builder, JsonElement parent, string location, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw builder.Error(location, name, "a string is required");

    private static double Number(BookBuilder builder, JsonElement parent, string location, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out var value))
        {
            throw builder.Error(location, name, "a number is required");
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number))
        {
            throw builder.Error(location, name, string.Create(CultureInfo.InvariantCulture, $"must be a number; was {value.GetRawText()}"));
        }

        return number;
    }
}
