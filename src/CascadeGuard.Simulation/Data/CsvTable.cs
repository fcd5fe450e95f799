using System.Globalization;

namespace CascadeGuard.Simulation.Data;

/// <summary>An embedded CSV file: its header and rows, with typed access by column name.</summary>
internal sealed class CsvTable(string name, IReadOnlyList<string> header, IReadOnlyList<string[]> rows)
{
    public string Name { get; } = name;

    public IReadOnlyList<string[]> Rows { get; } = rows;

    public int Column(string column)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidDataException($"Embedded file '{Name}' has no column '{column}'.");
    }

    public double Number(int row, int column)
    {
        var text = Rows[row][column];
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new InvalidDataException($"Embedded file '{Name}', row {row + 2}, column {column + 1}: '{text}' is not a finite number.");
    }

    public DateTimeOffset Time(int row, int column) =>
        DateTimeOffset.Parse(Rows[row][column], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
