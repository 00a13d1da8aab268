using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HubAspire.Store.Schema;

/// <summary>
/// A <c>Dictionary&lt;string, T&gt;</c> property (T: long or double) stored as a flat
/// <c>jsonb</c> object. Converted to JSON text here rather than through Npgsql's dynamic JSON,
/// which would have to be switched on in every data source that opens the store (the API's comes
/// from Aspire). The model's conversion and the store's plain SQL both use
/// <see cref="Serialize{T}"/> and <see cref="Deserialize{T}"/>. They use the JSON writer and
/// reader directly: the first use of JsonSerializer costs a fresh process ~12 ms even with
/// generated metadata (~22 ms without), the writer ~6 ms.
/// </summary>
internal static class JsonbDictionary
{
    public static PropertyBuilder<Dictionary<string, T>?> IsJsonbObject<T>(this PropertyBuilder<Dictionary<string, T>?> property) =>
        property
            .HasColumnType("jsonb")
            .HasConversion(
                value => Serialize(value!),
                json => Deserialize<T>(json),
                new ValueComparer<Dictionary<string, T>?>(
                    (a, b) => a == null ? b == null : b != null && a.Count == b.Count && !a.Except(b).Any(),
                    value => value == null ? 0 : value.Count,
                    value => value == null ? null : new Dictionary<string, T>(value)));

    public static string Serialize<T>(IReadOnlyDictionary<string, T> value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, item) in value)
            {
                writer.WritePropertyName(key);
                switch (item)
                {
                    case long number:
                        writer.WriteNumberValue(number);
                        break;
                    case double number:
                        writer.WriteNumberValue(number);
                        break;
                    default:
                        throw Unsupported<T>();
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static Dictionary<string, T> Deserialize<T>(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        var value = new Dictionary<string, T>();
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object of numbers, not: {json}");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            reader.Read();
            value[key] = typeof(T) == typeof(long) ? (T)(object)reader.GetInt64()
                : typeof(T) == typeof(double) ? (T)(object)reader.GetDouble()
                : throw Unsupported<T>();
        }

        return reader.TokenType == JsonTokenType.EndObject ? value : throw new JsonException($"Expected a JSON object of numbers, not: {json}");
    }

    private static NotSupportedException Unsupported<T>() => new($"A jsonb dictionary holds long or double values, not {typeof(T).Name}.");
}
