using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Text.Json;
using LexIntel.ApiService.Identity;
using LexIntel.Benchmarks.Infrastructure;
using LexIntel.Tests.Harness;
using Microsoft.Playwright;
using UglyToad.PdfPig.Writer;

namespace LexIntel.Benchmarks.Scenarios;

/// <summary>
/// What a lawyer waits for in the web front end: from opening the case's page in Chromium (a full
/// page load, signed in) and dropping a 10-page PDF on it, to the page showing the document
/// <c>ready</c>, timed by the page's own clock; against the same upload → final progress event
/// through the API alone, in the same run, alternately, after an unmeasured API run.
/// </summary>
internal sealed class WebAppScenario : IBenchmarkScenario
{
    private const int Pages = 10;

    private const int Runs = 3;

    /// <summary>Notes, by the page's clock (milliseconds since navigation started), when a document row first shows ready or failed.</summary>
    private const string WatchForFinalRow = """
        new MutationObserver((_, observer) => {
          const row = document.querySelector('li.document[data-stage="ready"], li.document[data-stage="failed"]');
          if (row) { window.finalRow = { stage: row.dataset.stage, at: performance.now() }; observer.disconnect(); }
        }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-stage'] });
        """;

    public string Name => "webapp";

    public string Description => "opening the front end → first document ready (10-page PDF) in Chromium vs. the same upload → ready through the API";

    public async Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var app = await BenchmarkApp.StartAsync(cancellationToken);
        var pdf = FirstPages(TestData.CourtDocument("vector-pdf.pdf"), Pages);

        // The page signs in as the Development tenant's admin; the cases it opens are theirs.
        using var anonymous = app.CreateClient();
        anonymous.DefaultRequestHeaders.Authorization = null;
        using var issued = await anonymous.PostAsync("/dev/credentials", content: null, cancellationToken);
        var credentials = await issued.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<DevelopmentCredentials>(cancellationToken);
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", credentials!.AdminToken);

        await using var chromium = await Chromium.LaunchAsync();
        await using var context = await chromium.Browser.NewContextAsync();
        await context.AddInitScriptAsync(WatchForFinalRow);
        var page = await context.NewPageAsync();
        var origin = app.ApiAddress.GetLeftPart(UriPartial.Authority);
        await page.GotoAsync($"{origin}/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in as tenant admin" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Cases" }).WaitForAsync();

        await ApiToReadyAsync(http, pdf, cancellationToken);
        var (api, browser) = (new List<double>(), new List<double>());
        for (var i = 0; i < Runs; i++)
        {
            api.Add(await ApiToReadyAsync(http, pdf, cancellationToken));
            browser.Add(await PageToReadyAsync(page, origin, http, pdf, cancellationToken));
        }

        var (apiMedian, browserMedian) = (Percentile.Of([.. api.Order()], 0.5), Percentile.Of([.. browser.Order()], 0.5));
        var ratio = browserMedian / apiMedian;
        return new BenchmarkResult(
            [new("page_to_ready_ms", browserMedian), new("api_to_ready_ms", apiMedian), new("ratio", ratio)],
            [
                new("page open → first ready (median)", BenchmarkReport.Format(browserMedian, "ms"), $"Chromium: navigation start → the row shows ready, a {Pages}-page PDF dropped as soon as the page allows; runs {Join(browser)}"),
                new("API upload → ready (median)", BenchmarkReport.Format(apiMedian, "ms"), $"the same file posted by HttpClient, until its final progress event; runs {Join(api)}"),
                new("ratio", BenchmarkReport.Format(ratio, "×"), "page / API: what loading the page, signing its feed in and following it add"),
            ]);
    }

    private static string Join(IEnumerable<double> runs) => string.Join(", ", runs.Select(r => BenchmarkReport.Format(r, "ms")));

    /// <summary>The first <paramref name="count"/> pages of a court PDF, as one document of their own.</summary>
    private static byte[] FirstPages(string pdf, int count) =>
        PdfMerger.Merge([File.ReadAllBytes(pdf)], [Enumerable.Range(1, count).ToList()]);

    private static async Task<Guid> CreateCaseAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var created = await http.PostAsJsonAsync("/api/cases", new { name = "webapp benchmark" }, cancellationToken);
        return (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
    }

    private static async Task<double> ApiToReadyAsync(HttpClient http, byte[] pdf, CancellationToken cancellationToken)
    {
        var caseId = await CreateCaseAsync(http, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(pdf), "files", "opinion.pdf" } };
        using var uploaded = await http.PostAsync($"/api/cases/{caseId}/documents", form, cancellationToken);
        var documentId = (await uploaded.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(cancellationToken))
            .GetProperty("files")[0].GetProperty("document").GetProperty("id").GetGuid();
        using var response = await http.GetAsync($"/api/documents/{documentId}/progress", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        await using var body = await response.EnsureSuccessStatusCode().Content.ReadAsStreamAsync(cancellationToken);
        await foreach (var item in SseParser.Create(body).EnumerateAsync(cancellationToken))
        {
            using var json = JsonDocument.Parse(item.Data);
            if (json.RootElement.GetProperty("final").GetBoolean())
            {
                var stage = json.RootElement.GetProperty("stage").GetString();
                return stage == "ready"
                    ? Stopwatch.GetElapsedTime(started).TotalMilliseconds
                    : throw new InvalidOperationException($"the document ended {stage}: {json.RootElement.GetProperty("failureReason")}");
            }
        }

        throw new InvalidOperationException("the progress stream ended before the document did");
    }

    private static async Task<double> PageToReadyAsync(IPage page, string origin, HttpClient http, byte[] pdf, CancellationToken cancellationToken)
    {
        var caseId = await CreateCaseAsync(http, cancellationToken);

        // A full load (not a hash change within the loaded page): the page's clock starts at navigation.
        await page.GotoAsync("about:blank");
        await page.GotoAsync($"{origin}/#/cases/{caseId}/documents");
        await page.Locator("#upload-files").SetInputFilesAsync(new FilePayload { Name = "opinion.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.WaitForFunctionAsync("() => window.finalRow", options: new() { Timeout = 300_000, PollingInterval = 100 });
        var final = await page.EvaluateAsync<JsonElement>("() => window.finalRow");
        cancellationToken.ThrowIfCancellationRequested();
        return final.GetProperty("stage").GetString() == "ready"
            ? final.GetProperty("at").GetDouble()
            : throw new InvalidOperationException("the document failed in the page");
    }
}
