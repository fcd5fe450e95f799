using System.Globalization;
using System.Text;
using CascadeGuard.Margin;

namespace CascadeGuard.Tool.Books;

/// <summary>
/// Reads the CSV book format (docs/cli.md): a header, then one row per asset (<c>record = asset</c>) and per position
/// (<c>record = collateral</c> or <c>debt</c>). Fields may be quoted as RFC 4180 allows.
/// </summary>
internal static class CsvBookReader
{
    private static readonly string[] Columns =
        ["record", "account", "asset", "amount", "price", "loan_to_value", "liquidation_threshold", "liquidation_penalty"];

    public static LoadedBook Read(string path, TextReader reader)
    {
        var builder = new BookBuilder(path);
        var header = reader.ReadLine() ?? throw builder.Error("row 1", "record", "the file is empty");
        var names = Split(header, builder, "row 1");
        var columnOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            columnOf[names[i].Trim()] = i;
        }

        foreach (var required in Columns)
        {
            if (!columnOf.ContainsKey(required))
            {
                throw builder.Error("row 1 (header)", required, "the column is missing");
            }
        }

        var rowNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            rowNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var location = $"row {rowNumber}";
            var fields = Split(line, builder, location);
            string Field(string column) => columnOf[column] < fields.Count ? fields[columnOf[column]].Trim() : string.Empty;

            var record = Field("record");
            switch (record)
            {
                case "asset":
                    var parameters = ReadParameters(builder, location, Field);
                    builder.AddAsset(location, Field("asset"), Number(builder, location, "price", Field("price")), parameters);
                    break;
                case "collateral":
                case "debt":
                    builder.AddPosition(location, record == "debt", Field("account"), Field("asset"), Number(builder, location, "amount", Field("amount")));
                    break;
                default:
                    throw builder.Error(location, "record", $"must be 'asset', 'collateral' or 'debt'; was '{record}'");
            }
        }

        return builder.Build();
    }

    private static AssetRiskParameters? ReadParameters(BookBuilder builder, string location, Func<string, string> field)
    {
        var ltv = field("loan_to_value");
        var threshold = field("liquidation_threshold");
        var penalty = field("liquidation_penalty");
        if (ltv.Length == 0 && threshold.Length == 0 && penalty.Length == 0)
        {
            return null;
        }

        return RiskParameters.Create(
            builder,
            location,
            Number(builder, location, "loan_to_value", ltv),
            Number(builder, location, "liquidation_threshold", threshold),
            Number(builder, location, "liquidation_penalty", penalty),
            schedule: null);
    }

    private static double Number(BookBuilder builder, string location, string column, string text)
    {
        if (text.Length == 0)
        {
            throw builder.Error(location, column, "a number is required");
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw builder.Error(location, column, $"'{text}' is not a number");
        }

        return value;
    }

    /// <summary>Splits one CSV line, honouring double-quoted fields and doubled quotes inside them.</summary>
    private static List<string> Split(string line, BookBuilder builder, string location)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            throw builder.Error(location, "record", "a quoted field is not closed");
        }

        fields.Add(current.ToString());
        return fields;
    }
}
