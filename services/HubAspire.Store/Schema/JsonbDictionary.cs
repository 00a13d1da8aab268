using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HubAspire.Store.Schema;

/// <summary>
/// A <c>Dictionary&lt;string, T&gt;</c> property stored as a <c>jsonb</c> object. Converted to
/// JSON text here rather than through Npgsql's dynamic JSON, which would have to be switched on
/// in every data source that opens the store (the API's comes from Aspire).
/// </summary>
internal static class JsonbDictionary
{
    public static PropertyBuilder<Dictionary<string, T>?> IsJsonbObject<T>(this PropertyBuilder<Dictionary<string, T>?> property) =>
        property
            .HasColumnType("jsonb")
            .HasConversion(
                value => JsonSerializer.Serialize(value, (JsonSerializerOptions?)null),
                json => JsonSerializer.Deserialize<Dictionary<string, T>>(json, (JsonSerializerOptions?)null),
                new ValueComparer<Dictionary<string, T>?>(
                    (a, b) => a == null ? b == null : b != null && a.Count == b.Count && !a.Except(b).Any(),
                    value => value == null ? 0 : value.Count,
                    value => value == null ? null : new Dictionary<string, T>(value)));
}
