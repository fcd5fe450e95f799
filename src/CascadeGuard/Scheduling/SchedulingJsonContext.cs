using System.Text.Json.Serialization;

namespace CascadeGuard.Scheduling;

/// <summary>Source-generated serialization of scheduler snapshots: no reflection, AOT-safe.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(SchedulerSnapshot))]
internal sealed partial class SchedulingJsonContext : JsonSerializerContext
{
}
