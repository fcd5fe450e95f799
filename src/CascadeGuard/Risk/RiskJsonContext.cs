using System.Text.Json.Serialization;

namespace CascadeGuard.Risk;

/// <summary>Source-generated JSON metadata for adaptive-parameter snapshots (no reflection; AOT safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(AdaptiveRiskSnapshot))]
internal sealed partial class RiskJsonContext : JsonSerializerContext;
