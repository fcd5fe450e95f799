using System.Text.Json.Serialization;

namespace CascadeGuard.Throttling;

/// <summary>Source-generated serialization of throttle snapshots: no reflection, AOT-safe. Infinite caps are written as "Infinity".</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ThrottleSnapshot))]
internal sealed partial class ThrottlingJsonContext : JsonSerializerContext
{
}
