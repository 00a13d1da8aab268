using HubAspire.Api.Queries;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HubAspire.Api.Apis;

/// <summary>Describes <c>from</c>, <c>to</c> and <c>format</c> wherever an operation takes them.</summary>
public sealed class QueryParameterDescriptions : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.OrdinalIgnoreCase)
    {
        [ApiQuery.From] = "First month, inclusive (YYYY-MM). Default: the first month with data.",
        [ApiQuery.To] = "Last month, inclusive (YYYY-MM). Default: the last month with data.",
        [ApiQuery.FormatParameter] = "json (the default); chart endpoints also answer csv.",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter concrete && parameter.Name is { } name && Descriptions.TryGetValue(name, out var description))
            {
                concrete.Description = description;
            }
        }

        return Task.CompletedTask;
    }
}
