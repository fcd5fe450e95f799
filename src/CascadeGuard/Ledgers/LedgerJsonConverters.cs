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
    internal sealed class OperationIdConverter : NumberIdConverter<OperationId>
    {
        protected override OperationId Create(long value) => new(value);

        protected override long ValueOf(OperationId id) => id.Value;
    }

    internal sealed class AccountIdConverter : NumberIdConverter<AccountId>
    {
        protected override AccountId Create(long value) => new(checked((int)value));

        protected override long ValueOf(AccountId id) => id.Value;
    }

    internal sealed class AssetIdConverter : NumberIdConverter<AssetId>
    {
        protected override AssetId Create(long value) => new(checked((int)value));

        protected override long ValueOf(AssetId id) => id.Value;
    }

    internal sealed class MarketIdConverter : NumberIdConverter<MarketId>
    {
        protected override MarketId Create(long value) => new(checked((int)value));

        protected override long ValueOf(MarketId id) => id.Value;
    }

    /// <summary>Reads and writes an id as its number; a value the id refuses becomes a <see cref="JsonException"/>.</summary>
    internal abstract class NumberIdConverter<TId> : JsonConverter<TId>
    {
        public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var value = reader.GetInt64();
            try
            {
                return Create(value);
            }
            catch (Exception ex) when (ex is ArgumentException or OverflowException)
            {
                throw new JsonException(ex.Message, ex);
            }
        }

        public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) => writer.WriteNumberValue(ValueOf(value));

        protected abstract TId Create(long value);

        protected abstract long ValueOf(TId id);
    }
}
