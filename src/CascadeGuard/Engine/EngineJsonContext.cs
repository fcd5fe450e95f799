using System.Text.Json.Serialization;

namespace CascadeGuard.Engine;

/// <summary>Source-generated serialization of engine snapshots; NaN prices (an asset awaiting re-evaluation) are written as "NaN".</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(EngineSnapshot))]
internal sealed partial class EngineJsonContext : JsonSerializerContext
{
}
