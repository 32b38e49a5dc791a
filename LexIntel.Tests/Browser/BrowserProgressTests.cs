using System.Net.Http.Json;
using LexIntel.ApiService.Documents;
using LexIntel.ApiService.Progress;
using LexIntel.Tests.EndToEnd;
using Microsoft.Playwright;

namespace LexIntel.Tests.Browser;

/// <summary>
/// A real browser's <c>EventSource</c> against the running app: what a front end does, including
/// opening the stream with a progress ticket (EventSource cannot send an Authorization header).
/// </summary>
[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.Browser)]
public sealed class BrowserProgressTests(LexIntelAppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Records every event the page's EventSource receives and closes it after the final one.</summary>
    private const string Page = """
        <!doctype html>
        <script>
          window.received = [];
          window.finished = false;
          const source = new EventSource(new URLSearchParams(location.search).get('feed'));
          source.addEventListener('state', e => received.push({ type: 'state', stage: JSON.parse(e.data).stage, id: e.lastEventId }));
          source.addEventListener('progress', e => {
            const progress = JSON.parse(e.data);
            received.push({ type: 'progress', stage: progress.stage, id: e.lastEventId });
            if (progress.final) { source.close(); window.finished = true; }
          });
        </script>
        """;

    [Fact]
    public async Task A_browser_EventSource_follows_a_document_to_ready()
    {
        var tenant = Guid.NewGuid();
        using var client = await fixture.CreateTenantClientAsync(tenant);
        var caseId = await client.CreateCaseAsync("Browser", Cancel);
        using var upload = await client.UploadAsync(caseId, Cancel, ("opinion.pdf", new ByteArrayContent(File.ReadAllBytes(TestData.CourtDocument("vector-pdf.pdf")))));
        var documentId = (await upload.Content.ReadFromJsonAsync<UploadResponse>(Cancel))!.Files.Single().Document!.Id;

        await using var chromium = await Chromium.LaunchAsync();
        var origin = client.BaseAddress!.GetLeftPart(UriPartial.Authority);
        await using var context = await chromium.Browser.NewContextAsync();
        using var issued = await client.PostAsJsonAsync("/api/progress/tickets", new { documentId }, Cancel);
        var ticket = (await issued.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ProgressTicketResponse>(Cancel))!;
        var page = await context.NewPageAsync();
        // The page is served at the API's origin, as a front end behind the same host would be.
        await page.RouteAsync($"{origin}/progress.html**", route => route.FulfillAsync(new() { ContentType = "text/html", Body = Page }));

        await page.GotoAsync($"{origin}/progress.html?feed={Uri.EscapeDataString(ticket.Url)}");
        await page.WaitForFunctionAsync("() => window.finished", options: new() { Timeout = 120_000, PollingInterval = 100 });
        var received = await page.EvaluateAsync<ReceivedEvent[]>("() => window.received");

        Assert.Equal("state", received[0].Type);
        var progress = received.Skip(1).ToList();
        Assert.NotEmpty(progress);
        Assert.All(progress, e => Assert.Equal("progress", e.Type));
        Assert.All(progress, e => Assert.Matches(@"^\d+-\d+$", e.Id));
        Assert.Equal(progress.Select(e => e.Id), progress.Select(e => e.Id).Distinct());
        Assert.Equal("ready", progress[^1].Stage);
        Assert.Equal("ready", (await client.WaitUntilFinishedAsync(documentId, Cancel)).Status);
    }

    private sealed class ReceivedEvent
    {
        public string Type { get; set; } = string.Empty;

        public string Stage { get; set; } = string.Empty;

        public string Id { get; set; } = string.Empty;
    }
}
