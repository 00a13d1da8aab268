using Microsoft.Net.Http.Headers;

namespace HubAspire.Web.Extensions;

/// <summary>The single-page dashboard from wwwroot: <c>/</c> is index.html, whatever the query string (tab, period).</summary>
public static class DashboardFilesExtensions
{
    public static void UseDashboardFiles(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            // Revalidated on every load (a cheap 304): a new build is never hidden behind a stale module.
            OnPrepareResponse = context => context.Context.Response.Headers[HeaderNames.CacheControl] = "no-cache",
        });
    }
}
