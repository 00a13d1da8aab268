using HubAspire.Web.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults(WebExtensions.TelemetryName);
builder.AddApiProxy();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseDashboardFiles();

app.MapDefaultEndpoints();
app.MapApiProxy();

app.Run();
