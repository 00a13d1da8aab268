namespace HubAspire.Web.Extensions;

/// <summary>
/// The single-page dashboard from wwwroot, served from the build's static-asset manifest
/// (precompressed, with ETags, whatever the working directory), and <c>/</c> as index.html
/// whatever the query string (tab, period).
/// </summary>
public static class DashboardFilesExtensions
{
    private const string PagePath = "/index.html";

    /// <summary>Must run before routing: <c>/</c> becomes the page's own static-asset endpoint.</summary>
    public static void UseDashboardPage(this WebApplication app) =>
        app.Use((context, next) =>
        {
            if (context.Request.Path == "/")
            {
                context.Request.Path = PagePath;
            }

            return next(context);
        });

    public static void MapDashboardFiles(this WebApplication app) => app.MapStaticAssets();
}
