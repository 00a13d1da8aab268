using HubAspire.Testing.Web;
using HubAspire.Web.Tests.Support;
using Microsoft.Playwright;

namespace HubAspire.Web.Tests;

/// <summary>CSV and PNG downloads per card, the page's security headers, and the phone layout.</summary>
[Collection(DashboardSiteCollection.Name)]
public sealed class DownloadAndLayoutTests(DashboardSite site)
{
    [Fact]
    public async Task A_chart_cards_CSV_download_is_the_APIs_CSV_for_the_same_period()
    {
        var dashboard = await site.OpenAsync("/?tab=revenue&from=2024-01&to=2024-06");
        await dashboard.WaitUntilDrawnAsync();

        var download = await dashboard.Page.RunAndWaitForDownloadAsync(() =>
            dashboard.Page.ClickAsync("[data-card='revenue-by-region'] [data-download='csv']"));

        var expected = await site.Api.GetStringAsync("/api/deals/region?from=2024-01&to=2024-06&format=csv", TestContext.Current.CancellationToken);
        Assert.Equal("deals-region_2024-01_to_2024-06.csv", download.SuggestedFilename);
        Assert.Equal(expected, await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_KPI_cards_CSV_holds_each_figure_and_its_previous_period_value()
    {
        var dashboard = await site.OpenAsync("/?from=2024-01&to=2024-06");
        await dashboard.WaitUntilDrawnAsync();

        var download = await dashboard.Page.RunAndWaitForDownloadAsync(() => dashboard.Page.ClickAsync("[data-card='kpis'] [data-download='csv']"));

        var kpis = await site.GetJsonAsync("/api/kpis?from=2024-01&to=2024-06");
        var expected = "kpi,value,previous_period_value\r\n" + string.Concat(ExpectedText.KpiCards.Keys.Select(key =>
            $"{key},{kpis[key]?.ToJsonString() ?? ""},{kpis["previous"]![key]?.ToJsonString() ?? ""}\r\n"));
        Assert.Equal("kpis_2024-01_to_2024-06.csv", download.SuggestedFilename);
        Assert.Equal(expected, await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_chart_cards_PNG_download_is_a_PNG_image_of_the_chart()
    {
        var dashboard = await site.OpenAsync("/");
        await dashboard.WaitUntilDrawnAsync();

        var download = await dashboard.Page.RunAndWaitForDownloadAsync(() =>
            dashboard.Page.ClickAsync("[data-card='overview-revenue-trend'] [data-download='png']"));

        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Assert.Equal("overview-revenue-trend.png", download.SuggestedFilename);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);

        // Decoded by the browser: the canvas's size, on the card's background, with the chart on it
        // (a blank image of the right size would pass the checks above).
        var image = await dashboard.Page.EvaluateAsync<double[]>("""
            async (base64) => {
              const image = new Image();
              image.src = 'data:image/png;base64,' + base64;
              await image.decode();
              const canvas = document.createElement('canvas');
              [canvas.width, canvas.height] = [image.width, image.height];
              const context = canvas.getContext('2d');
              context.drawImage(image, 0, 0);
              const pixels = context.getImageData(0, 0, image.width, image.height).data;
              const near = (i, [r, g, b]) => Math.abs(pixels[i] - r) + Math.abs(pixels[i + 1] - g) + Math.abs(pixels[i + 2] - b) < 24;
              let drawn = 0, firstSeries = 0;
              for (let i = 0; i < pixels.length; i += 4) {
                if (!near(i, [15, 23, 42])) drawn++;
                if (near(i, [99, 102, 241])) firstSeries++;
              }
              const shown = document.querySelector('canvas[data-chart="overview-revenue-trend"]');
              return [image.width, image.height, shown.width, shown.height, drawn / (pixels.length / 4), firstSeries, near(0, [15, 23, 42]) ? 1 : 0];
            }
            """, Convert.ToBase64String(bytes));
        Assert.Equal((image[2], image[3]), (image[0], image[1]));
        Assert.True(image[6] == 1, "The PNG's corner is not the card's background (#0f172a).");
        Assert.True(image[4] > 0.02, $"Only {image[4]:P1} of the PNG's pixels differ from the background.");
        Assert.True(image[5] > 100, $"Only {image[5]} pixels of the first series' colour (indigo) in the PNG.");
    }

    [Fact]
    public async Task The_page_allows_scripts_styles_and_data_only_from_its_own_origin()
    {
        using var response = await new HttpClient().GetAsync(site.Web.Address, TestContext.Current.CancellationToken);
        Assert.Equal(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
            response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());

        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain("http://", html.Replace(site.Web.Address.ToString(), ""));
        Assert.DoesNotContain("https://", html);
        Assert.DoesNotContain("<script>", html); // no inline script
    }

    [Fact]
    public async Task At_phone_width_no_tab_scrolls_sideways()
    {
        var dashboard = await site.OpenAsync("/", DashboardDom.Phone);
        await dashboard.WaitUntilDrawnAsync();
        await dashboard.SaveScreenshotAsync("phone-overview");

        foreach (var tab in ExpectedCharts.Tabs)
        {
            await dashboard.ClickTabAsync(tab);
            var widths = await dashboard.Page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            var (scrollWidth, viewportWidth) = (widths[0], widths[1]);
            Assert.True(scrollWidth <= viewportWidth, $"The {tab} tab is {scrollWidth} px wide in a {viewportWidth} px viewport.");
        }
    }
}
