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
/// Reads and writes component snapshots through source-generated <see cref="JsonTypeInfo{T}"/> (no reflection, AOT
/// safe). Every failure to restore, malformed JSON included, surfaces as one <see cref="ArgumentException"/> whose
/// parameter is <c>json</c> and whose message names the offending field and value.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2208", Justification = "Failures name the public 'json' parameter of the restore method that called in.")]
internal static class SnapshotJson
{
    public const string ParameterName = "json";

    public static string Write<T>(T snapshot, JsonTypeInfo<T> typeInfo) => JsonSerializer.Serialize(snapshot, typeInfo);

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
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The snapshot is not valid {typeof(T).Name} JSON: {e.Message}"),
                ParameterName,
                e);
        }

        Check(snapshot is not null, "snapshot", "null", "must be a JSON object");
        Check(snapshot.Version == supportedVersion, "version", snapshot.Version, string.Create(CultureInfo.InvariantCulture, $"must be {supportedVersion}"));
        return snapshot;
    }

    /// <summary>Throws when <paramref name="condition"/> is false, naming the field and value.</summary>
    public static void Check<TValue>(
        [System.Diagnostics.CodeAnalysis.DoesNotReturnIf(false)] bool condition,
        string field,
        TValue value,
        string rule)
    {
        if (!condition)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Snapshot field '{field}' {rule}; was {value}."),
                ParameterName);
        }
    }

    public static void CheckFinitePositive(double value, string field) =>
        Check(double.IsFinite(value) && value > 0, field, value, "must be finite and positive");

    public static void CheckNotNull<TValue>([System.Diagnostics.CodeAnalysis.NotNull] TValue? value, string field)
        where TValue : class =>
        Check(value is not null, field, "null", "is required");
}
