using System.Text.Json;
using System.Text.Json.Serialization;
using CascadeGuard.Primitives;

namespace CascadeGuard.Ledgers;

/// <summary>
/// JSON forms of the id types in journals and snapshots: each id is its plain number. The id structs validate in their
/// constructors, so a negative or zero value in a file surfaces as a <see cref="JsonException"/>.
/// </summary>
internal static class LedgerJsonConverters
{
    internal sealed class OperationIdConverter : JsonConverter<OperationId>
    {
        public override OperationId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Create(reader.GetInt64(), static v => new OperationId(v));

        public override void Write(Utf8JsonWriter writer, OperationId value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
    }

    internal sealed class AccountIdConverter : JsonConverter<AccountId>
    {
        public override AccountId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Create(reader.GetInt32(), static v => new AccountId(v));

        public override void Write(Utf8JsonWriter writer, AccountId value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
    }

    internal sealed class AssetIdConverter : JsonConverter<AssetId>
    {
        public override AssetId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Create(reader.GetInt32(), static v => new AssetId(v));

        public override void Write(Utf8JsonWriter writer, AssetId value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
    }

    internal sealed class MarketIdConverter : JsonConverter<MarketId>
    {
        public override MarketId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Create(reader.GetInt32(), static v => new MarketId(v));

        public override void Write(Utf8JsonWriter writer, MarketId value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
    }

    private static TId Create<TValue, TId>(TValue value, Func<TValue, TId> create)
    {
        try
        {
            return create(value);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException(ex.Message, ex);
        }
    }
}
