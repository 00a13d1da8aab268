namespace HubAspire.Benchmarks.Web;

/// <summary>
/// One run of the web command, in a fresh browser context: navigation to the first tab drawn, then
/// each other tab drawn after its click, the API requests the page made, and what went wrong.
/// </summary>
/// <param name="FirstTab">The tab the page opens on.</param>
/// <param name="Navigation">Navigation start to the first tab's cards all drawn (the page's <c>firstDrawnMs</c>), and its milestones.</param>
/// <param name="Tabs">Each other tab, in order, and its click to all its cards drawn (the page's <c>drawnMs</c>).</param>
/// <param name="UndrawnCards">Cards that settled as something else than drawn (<c>tab/card</c>, and <c>error</c> or <c>empty</c>).</param>
public sealed record WebRun(
    string FirstTab,
    NavigationTimes Navigation,
    IReadOnlyList<(string Id, double Milliseconds)> Tabs,
    IReadOnlyList<ApiRequest> Requests,
    IReadOnlyList<(string Card, string State)> UndrawnCards,
    IReadOnlyList<string> Problems,
    bool Broke)
{
    public double NavigationMs => Navigation.FirstDrawnMs;
}
