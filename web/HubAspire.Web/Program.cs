using HubAspire.Web.Extensions;
using HubAspire.Web.Telemetry;

// The build output holds everything the host needs (settings, and the static-asset manifest that
// points at wwwroot), so it runs the same whatever directory it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.WebHost.UseStaticWebAssets();

builder.AddServiceDefaults(WebTelemetry.Name);
builder.AddApiProxy();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseDashboardPage();
app.UseRouting();

app.MapDashboardFiles();
app.MapDefaultEndpoints();
app.MapApiProxy();

app.Run();
