using System.Text.Json.Serialization;

namespace CascadeGuard.Breaker;

/// <summary>Source-generated JSON metadata for circuit-breaker snapshots (no reflection; AOT safe).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(CircuitBreakerSnapshot))]
internal sealed partial class BreakerJsonContext : JsonSerializerContext;
