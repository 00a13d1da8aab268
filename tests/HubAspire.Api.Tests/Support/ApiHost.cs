using HubAspire.Api.Runs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HubAspire.Api.Tests.Support;

/// <summary>
/// The real API (its Program, services and middleware) hosted in-process on a test server,
/// reading the given database. Production environment, as the AppHost runs it: no developer
/// exception page, so what the tests see is what clients see.
/// </summary>
public sealed class ApiHost(string connectionString, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<RunTracker> // any type of the API's assembly: its entry point is what runs (the ETL has a Program too)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:hubaspire", connectionString);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}
