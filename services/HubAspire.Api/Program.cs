using HubAspire.Api.Apis;
using HubAspire.Api.Extensions;
using HubAspire.Api.Telemetry;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(ApiTelemetry.Name);
builder.AddApplicationServices();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi(options => options
    .AddOperationTransformer<QueryParameterDescriptions>()
    .AddOperationTransformer<ChartResponseSchemas>());

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapDashboardApi();

app.Run();
