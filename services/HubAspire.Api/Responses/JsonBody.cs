using System.Buffers;
using System.Text.Json;

namespace HubAspire.Api.Responses;

/// <summary>Writes a JSON body with <see cref="Utf8JsonWriter"/>: the shapes are API.md's, written key by key.</summary>
public static class JsonBody
{
    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static void WriteNumberOrNull(this Utf8JsonWriter writer, double? value)
    {
        if (value is { } v)
        {
            writer.WriteNumberValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
