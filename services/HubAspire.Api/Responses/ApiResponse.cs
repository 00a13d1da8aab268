using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace HubAspire.Api.Responses;

/// <summary>A rendered response body, ready to send as many times as it is asked for.</summary>
/// <param name="FileName">For CSV: the download's name (Content-Disposition).</param>
public sealed record ApiResponse(byte[] Body, string ContentType, string? FileName, EntityTagHeaderValue ETag)
{
    public const string Json = "application/json; charset=utf-8";
    public const string Csv = "text/csv; charset=utf-8";

    /// <summary>
    /// Strong, and the same in every process: the run id, then a digest of the resource and its
    /// normalized query. A newer run changes every ETag.
    /// </summary>
    public static EntityTagHeaderValue ETagFor(long runId, string key)
    {
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 8));
        return new EntityTagHeaderValue($"\"{runId}-{digest}\"");
    }
}
