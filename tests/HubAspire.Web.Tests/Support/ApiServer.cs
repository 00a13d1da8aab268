using System.Net;
using HubAspire.Api.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HubAspire.Web.Tests.Support;

/// <summary>
/// The real API on a real loopback port (the web host reaches it over TCP, as in production),
/// reading the given database. With <paramref name="failingPath"/>, that one endpoint answers 500,
/// as an API with a fault in one endpoint would, and every other endpoint works, until
/// <see cref="Heal"/> mends it.
/// </summary>
public sealed class ApiServer(string connectionString, string? failingPath = null) : WebApplicationFactory<RunTracker>
{
    public Uri Address
    {
        get
        {
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First());
        }
    }

    private volatile bool healed;

    /// <summary>From now on the failing endpoint answers like every other one.</summary>
    public void Heal() => healed = true;

    public static ApiServer Start(string connectionString, string? failingPath = null)
    {
        var server = new ApiServer(connectionString, failingPath);
        server.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        server.StartServer();
        return server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:hubaspire", connectionString);
        if (failingPath is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new FailingEndpoint(failingPath, () => !healed)));
        }
    }

    private sealed class FailingEndpoint(string path, Func<bool> failing) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (failing() && context.Request.Path.Equals(path, StringComparison.Ordinal))
                {
                    context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    return Task.CompletedTask;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
