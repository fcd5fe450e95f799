using System.Globalization;

namespace CascadeGuard.Simulation.Runs;

/// <summary>One model parameter as the report prints it: a key for JSON, its value, and where the value comes from.</summary>
/// <param name="Key">camelCase name (the JSON key).</param>
/// <param name="Value">A number, or null when <paramref name="Text"/> carries the value.</param>
/// <param name="Text">The value as text when it is not a number.</param>
/// <param name="Unit">Unit, or empty.</param>
/// <param name="Source">The source of the value or the reason for it.</param>
internal sealed record Parameter(string Key, double? Value, string? Text, string Unit, string Source)
{
    public static Parameter Number(string key, double value, string unit, string source) => new(key, value, null, unit, source);

    public static Parameter Label(string key, string text, string source) => new(key, null, text, string.Empty, source);

    /// <summary>The value as the console and Markdown show it.</summary>
    public string Display => Text ?? Value!.Value.ToString("G6", CultureInfo.InvariantCulture) + (Unit.Length > 0 ? " " + Unit : string.Empty);
}
