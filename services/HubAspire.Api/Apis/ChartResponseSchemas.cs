using HubAspire.Api.Responses;
using HubAspire.Core.Presentation;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HubAspire.Api.Apis;

/// <summary>
/// Gives each chart endpoint's 200 response its JSON schema, from the same table entry the route
/// was mapped from (<see cref="ChartDefinition"/> is in the endpoint's metadata), and its CSV as text.
/// </summary>
public sealed class ChartResponseSchemas : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var chart = context.Description.ActionDescriptor.EndpointMetadata.OfType<ChartDefinition>().FirstOrDefault();
        if (chart is not null && operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
        {
            response.Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = JsonSchema(chart) },
                ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = $"Header: {chart.LabelColumn}, then each series; one row per label." } },
            };
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema JsonSchema(ChartDefinition chart)
    {
        var properties = new Dictionary<string, IOpenApiSchema> { [ChartJson.Labels] = Array(new OpenApiSchema { Type = JsonSchemaType.String }) };
        if (chart.Shape == ChartShape.Columns)
        {
            foreach (var series in chart.Series)
            {
                properties[series.Name] = Figures($"{series.Metric.Name}, {series.Rounding}");
            }
        }
        else
        {
            properties[ChartJson.Datasets] = Array(new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "One per series: " + string.Join(", ", chart.Series.Select(s => $"\"{s.Name}\" ({s.Metric.Name}, {s.Rounding})")),
                Properties = new Dictionary<string, IOpenApiSchema>
                {
                    [ChartJson.DatasetLabel] = new OpenApiSchema { Type = JsonSchemaType.String },
                    [ChartJson.DatasetData] = Figures("in label order"),
                },
            });
        }

        return new OpenApiSchema { Type = JsonSchemaType.Object, Properties = properties, Required = new HashSet<string>(properties.Keys) };
    }

    private static OpenApiSchema Array(IOpenApiSchema items) => new() { Type = JsonSchemaType.Array, Items = items };

    private static OpenApiSchema Figures(string description) =>
        new() { Type = JsonSchemaType.Array, Description = description, Items = new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null } };
}
