using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CascadeGuard.Primitives;

/// <summary>A snapshot document that carries its format version.</summary>
internal interface IVersionedSnapshot
{
    int Version { get; }
}

/// <summary>
/// Reads, writes and checks component snapshots through source-generated <see cref="JsonTypeInfo{T}"/> (no reflection,
/// AOT safe); each component keeps its own <c>JsonSerializerContext</c>. Every failure to restore, malformed JSON
/// included, surfaces as one <see cref="ArgumentException"/> whose parameter is <c>json</c> and whose message names the
/// offending field and value. The ledgers keep their own <c>LedgerIntegrityException</c> (see <c>LedgerSnapshotParts</c>).
/// </summary>
[SuppressMessage("Usage", "CA2208", Justification = "Failures name the public 'json' parameter of the restore method that called in.")]
internal static class SnapshotJson
{
    /// <summary>The name every public <c>Restore</c> method gives its snapshot argument.</summary>
    public const string ParameterName = "json";

    public static string Write<T>(T snapshot, JsonTypeInfo<T> typeInfo) => JsonSerializer.Serialize(snapshot, typeInfo);

    /// <summary>Deserialises <paramref name="json"/> and checks that it is an object of <paramref name="supportedVersion"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="ArgumentException">The text is not valid JSON of the shape, is null, or of another version.</exception>
    public static T Read<T>(string json, JsonTypeInfo<T> typeInfo, int supportedVersion)
        where T : class, IVersionedSnapshot
    {
        Guard.NotNull(json);
        T? snapshot;
        try
        {
            snapshot = JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException e)
        {
            throw Invalid("The snapshot is not valid JSON of the expected shape: " + e.Message, e);
        }

        Check(snapshot is not null, "snapshot", "null", "must be a JSON object");
        Check(snapshot.Version == supportedVersion, "version", snapshot.Version, string.Create(CultureInfo.InvariantCulture, $"must be {supportedVersion} (this build reads {supportedVersion} only)"));
        return snapshot;
    }

    /// <summary>Throws when <paramref name="condition"/> is false, naming the field and value.</summary>
    public static void Check<TValue>([DoesNotReturnIf(false)] bool condition, string field, TValue value, string rule = "is invalid")
    {
        if (!condition)
        {
            throw value is null
                ? Invalid(string.Create(CultureInfo.InvariantCulture, $"Snapshot field '{field}' {rule}; was null."))
                : Invalid(string.Create(CultureInfo.InvariantCulture, $"Snapshot field '{field}' {rule}; was {value}."));
        }
    }

    /// <summary>Throws naming the field when a required section or array is missing.</summary>
    public static void CheckNotNull<TValue>([NotNull] TValue? value, string field)
        where TValue : class =>
        Check(value is not null, field, value, "is required");

    /// <summary>The value of a required section or array, checked as <see cref="CheckNotNull"/> does.</summary>
    public static TValue Present<TValue>([NotNull] TValue? value, string field)
        where TValue : class
    {
        CheckNotNull(value, field);
        return value;
    }

    public static void CheckFinitePositive(double value, string field) =>
        Check(double.IsFinite(value) && value > 0, field, value, "must be finite and positive");

    public static void CheckFiniteNonNegative(double value, string field) =>
        Check(double.IsFinite(value) && value >= 0, field, value, "must be finite and zero or positive");

    public static void CheckUtcTicks(long ticks, string field) =>
        Check(ticks >= DateTimeOffset.MinValue.UtcTicks && ticks <= DateTimeOffset.MaxValue.UtcTicks, field, ticks, "must be a valid UTC tick count");

    /// <summary>The instant a field's UTC ticks stand for, checked.</summary>
    public static DateTimeOffset ToUtc(long ticks, string field)
    {
        CheckUtcTicks(ticks, field);
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>Options in a snapshot that their own validation refused: the failure names <c>json</c> and keeps the option's message.</summary>
    public static ArgumentException InvalidOptions(string field, ArgumentException e) =>
        Invalid(string.Create(CultureInfo.InvariantCulture, $"Snapshot field '{field}' is invalid: {e.Message}"), e);

    /// <summary>The exception every restore failure is: it names the <c>json</c> parameter.</summary>
    public static ArgumentException Invalid(string message, Exception? inner = null) => new(message, ParameterName, inner);
}
