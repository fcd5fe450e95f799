using System.Text.Json.Serialization;

namespace CascadeGuard.Oracle;

/// <summary>Source-generated JSON metadata for oracle snapshots (no reflection; AOT safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(OracleGuardSnapshot))]
internal sealed partial class OracleJsonContext : JsonSerializerContext;
