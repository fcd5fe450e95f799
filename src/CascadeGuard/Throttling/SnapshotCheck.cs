using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace CascadeGuard.Throttling;

/// <summary>Checks on a snapshot being restored; a failure names the field and value, and nothing is built.</summary>
internal static class SnapshotCheck
{
    public const int Version = 1;

    /// <summary>The parameter every restore method names its snapshot argument.</summary>
    private const string JsonParameter = "json";

    public static void That([DoesNotReturnIf(false)] bool condition, string field, object? value)
    {
        if (!condition)
        {
            throw Invalid(string.Create(CultureInfo.InvariantCulture, $"Throttle snapshot field '{field}' is invalid; was {value ?? "null"}."), null);
        }
    }

    public static T Present<T>(T? value, string field)
        where T : class
    {
        That(value is not null, field, null);
        return value;
    }

    [SuppressMessage("Usage", "CA2208:Instantiate argument exceptions correctly", Justification = "Names the 'json' parameter of the public Restore methods that call this.")]
    public static ArgumentException Invalid(string message, Exception? inner) => new(message, JsonParameter, inner);

    public static void Amount(double value, string field) => That(double.IsFinite(value) && value >= 0, field, value);

    public static string Write(ThrottleSnapshot snapshot) =>
        JsonSerializer.Serialize(snapshot, ThrottlingJsonContext.Default.ThrottleSnapshot);

    public static ThrottleSnapshot Read(string json, string kind)
    {
        ArgumentNullException.ThrowIfNull(json);
        ThrottleSnapshot? snapshot;
        try
        {
            snapshot = JsonSerializer.Deserialize(json, ThrottlingJsonContext.Default.ThrottleSnapshot);
        }
        catch (JsonException e)
        {
            throw Invalid($"The throttle snapshot is not valid JSON: {e.Message}", e);
        }

        That(snapshot is not null, "(root)", "null");
        That(snapshot.Version == Version, "version", snapshot.Version);
        That(snapshot.Kind == kind, "kind", snapshot.Kind);
        That(snapshot.Market >= 0, "market", snapshot.Market);
        That(snapshot.Origin >= DateTimeOffset.MinValue.UtcTicks && snapshot.Origin <= DateTimeOffset.MaxValue.UtcTicks, "origin", snapshot.Origin);
        That(snapshot.Clock >= snapshot.Origin && snapshot.Clock <= DateTimeOffset.MaxValue.UtcTicks, "clock", snapshot.Clock);
        return snapshot;
    }

    public static DateTimeOffset Time(long ticks, string field)
    {
        That(ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks, field, ticks);
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }
}
