using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using LexIntel.ApiService.Identity;
using LexIntel.Tests.EndToEnd;
using LexIntel.Tests.Harness;
using Microsoft.Playwright;

namespace LexIntel.Tests.Browser;

/// <summary>
/// The front end the API serves at <c>/</c>, used as a lawyer would in a real Chromium: sign in,
/// create a case, upload, watch progress (through a dropped connection), search, open the original
/// at the page, ask, read the table of authorities, keep the team; every screen checked by axe-core.
/// </summary>
[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.Browser)]
public sealed partial class WebAppTests(LexIntelAppFixture fixture)
{
    private const int EventsBeforeTheDrop = 5;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly string[] Uploads = ["missouri.pdf", "image-pdf.pdf", "ca7_3.pdf"];

    [GeneratedRegex(@"/api/cases/[0-9a-f-]{36}/progress\?")]
    private static partial Regex CaseFeed();

    [Fact]
    public async Task A_lawyer_signs_in_uploads_follows_progress_through_a_dropped_connection_searches_asks_and_reads_the_authorities()
    {
        await using var chromium = await Chromium.LaunchAsync();
        await using var context = await chromium.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        using var anonymous = fixture.CreateAnonymousClient();
        var origin = anonymous.BaseAddress!.GetLeftPart(UriPartial.Authority);
        var errors = new ConcurrentQueue<string>();
        page.PageError += (_, message) => errors.Enqueue(message);

        // Signing in: the page sends a stranger to the sign-in screen.
        await page.GotoAsync($"{origin}/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in to LexIntel" })).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "01-sign-in");
        await SignInAsync(page);
        var caseName = $"Jagels v. State {Guid.NewGuid():N}"[..24];
        var caseId = await CreateCaseAsync(page, caseName);

        // The first connection of the case's feed gets the real feed's first events, then drops
        // mid-upload as a network would; later connections reach the API.
        using var api = await DevelopmentAdminAsync();
        var reconnections = new ConcurrentQueue<string>();
        var connections = 0;
        var cutAfter = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(CaseFeed(), async route =>
        {
            if (Interlocked.Increment(ref connections) > 1)
            {
                reconnections.Enqueue(route.Request.Url);
                await route.ContinueAsync();
                return;
            }

            var (body, lastId) = await FeedPrefixAsync(api, caseId);
            cutAfter.TrySetResult(lastId);
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/event-stream", Body = body });
        });
        await page.GotoAsync($"{origin}/#/cases/{caseId}/documents");
        await Expect(page.GetByTestId("dropzone")).ToBeVisibleAsync();

        await page.Locator("#upload-files").SetInputFilesAsync(Uploads.Select(TestData.CourtDocument));
        var lastIdBeforeTheDrop = await cutAfter.Task.WaitAsync(TimeSpan.FromMinutes(2), Cancel);
        var rows = page.Locator("li.document");

        // The rows come with the upload's response, which a loaded machine may take longer than 5 s to give.
        await Expect(rows).ToHaveCountAsync(Uploads.Length, new() { Timeout = 60_000 });
        foreach (var name in Uploads)
        {
            var row = rows.Filter(new() { HasText = name });
            await Expect(row).ToHaveAttributeAsync("data-stage", "ready", new() { Timeout = 180_000 });
            await Expect(row.GetByRole(AriaRole.Progressbar)).ToHaveAttributeAsync("value", "100");
            await Expect(row.GetByTestId("summary")).ToContainTextAsync("passage");
        }

        await Expect(rows.Filter(new() { HasText = "image-pdf.pdf" }).GetByTestId("ocr")).ToHaveTextAsync("OCR: 2 pages");
        Assert.Contains($"lastEventId={Uri.EscapeDataString(lastIdBeforeTheDrop)}", reconnections.First(), StringComparison.Ordinal);

        // Every event of the feed is shown once: none lost in the drop, none replayed twice.
        var shown = await page.Locator("li.document .history li").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.eventId)");
        Assert.Equal(shown.Length, shown.Distinct().Count());
        Assert.Equal((await AllEventIdsAsync(api, caseId)).Order(), shown.Order());
        await Screens.CheckAsync(page, "02-documents");

        // Search: a highlighted hit that opens the original at its page.
        await page.GetByRole(AriaRole.Link, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("plea knowing and voluntary");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        var hit = page.Locator("li.hit").First;
        await Expect(hit.Locator("mark").First).ToBeVisibleAsync();
        await Expect(hit.Locator(".hit-source")).ToContainTextAsync("missouri.pdf");
        await Screens.CheckAsync(page, "03-search");
        var pageLink = hit.Locator("a.page-link");
        var pageNumber = await PageOfAsync(pageLink);
        await pageLink.ClickAsync();
        await ExpectOriginalAtAsync(page, pageNumber);
        await Screens.CheckAsync(page, "04-original");

        // Ask: the answer streams in, each [n] shows its quoted passage, which opens the page.
        await page.GotoAsync($"{origin}/#/cases/{caseId}/ask");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Question", Exact = true }).FillAsync("Why did Jagels say her plea was not voluntary?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask", Exact = true }).ClickAsync();
        var reference = page.Locator(".answer .ref-link").First;
        await Expect(reference).ToBeVisibleAsync(new() { Timeout = 60_000 });
        var number = (await reference.TextContentAsync())!.Trim('[', ']');
        await reference.ClickAsync();
        var source = page.Locator($"li.reference[data-number='{number}']");
        await Expect(source).ToBeFocusedAsync();
        await Expect(source).ToHaveClassAsync(new Regex("shown"));
        Assert.False(string.IsNullOrWhiteSpace(await source.Locator("blockquote").TextContentAsync()));
        await Screens.CheckAsync(page, "05-ask");

        // The conversation is kept: reloading its address shows the turn again.
        Assert.Matches("#/cases/[0-9a-f-]{36}/ask/[0-9a-f-]{36}$", page.Url);
        await page.ReloadAsync();
        await Expect(page.Locator("li.turn .question")).ToContainTextAsync("Why did Jagels say her plea was not voluntary?");
        await Expect(page.Locator("li.turn .answer .ref-link").First).ToBeVisibleAsync();
        var sourcePage = page.Locator($"li.reference[data-number='{number}'] a.page-link");
        var referencedPage = await PageOfAsync(sourcePage);
        await sourcePage.ClickAsync();
        await ExpectOriginalAtAsync(page, referencedPage);

        // The table of authorities, and where an authority is cited.
        await page.GotoAsync($"{origin}/#/cases/{caseId}/authorities");
        var cases = page.GetByRole(AriaRole.Region, new() { Name = "Cases" });
        await Expect(cases.Locator("li.authority").First).ToBeVisibleAsync();
        await cases.Locator("li.authority summary").First.ClickAsync();
        await Expect(cases.Locator("li.authority .cited-in a").First).ToBeVisibleAsync();
        await Screens.CheckAsync(page, "06-authorities");

        // Owners keep the team.
        await page.GotoAsync($"{origin}/#/cases/{caseId}/team");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "User" }).FillAsync("associate@firm.example");
        await page.GetByLabel("Access").SelectOptionAsync("viewer");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set access" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "associate@firm.example" })).ToContainTextAsync("viewer");
        await Screens.CheckAsync(page, "07-team");

        // Phone width: nothing wider than the screen.
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"{origin}/#/cases/{caseId}/documents");
        await Expect(rows).ToHaveCountAsync(Uploads.Length);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The documents screen scrolls sideways at phone width.");
        await Screens.CheckAsync(page, "08-documents-phone");
        await page.SetViewportSizeAsync(1280, 900);

        // Errors are the API's problem details, not a blank page.
        await page.GotoAsync($"{origin}/#/cases/{Guid.NewGuid()}");
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("exists for this tenant");

        // Deleting asks first.
        await page.GotoAsync($"{origin}/#/cases/{caseId}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete case" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("cannot be undone");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete case" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Cases", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = caseName })).ToHaveCountAsync(0);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Files_dropped_on_the_page_upload_together_a_failed_one_says_why_and_retries_search_pages_by_cursor_and_a_member_is_offered_no_owners_actions()
    {
        await using var chromium = await Chromium.LaunchAsync();
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        using var anonymous = fixture.CreateAnonymousClient();
        await page.GotoAsync($"{anonymous.BaseAddress!.GetLeftPart(UriPartial.Authority)}/");
        await SignInAsync(page);
        var caseId = await CreateCaseAsync(page, $"Drop {Guid.NewGuid():N}"[..13]);
        var rows = page.Locator("li.document");

        // A colleague's upload lands after the list was read but before the feed connects: the
        // feed's state is all the page hears of it, and it is shown (not taken for a document
        // beyond the listed page).
        var uploaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await page.RouteAsync(CaseFeed(), async route =>
        {
            await uploaded.Task.WaitAsync(TimeSpan.FromMinutes(1), Cancel);
            await route.ContinueAsync();
        });
        await page.ReloadAsync();
        await Expect(page.GetByText("No documents yet.")).ToBeVisibleAsync();
        using (var api = await DevelopmentAdminAsync())
        {
            using var colleagues = await api.UploadAsync(caseId, Cancel, ("colleague.txt", new StringContent("Memorandum on water rights, drafted by a colleague.")));
            colleagues.EnsureSuccessStatusCode();
        }

        uploaded.SetResult();
        await Expect(rows.Filter(new() { HasText = "colleague.txt" })).ToHaveAttributeAsync("data-stage", "ready", new() { Timeout = 120_000 });
        await page.UnrouteAsync(CaseFeed());

        var dropped = await page.EvaluateHandleAsync(
            """
            files => {
              const transfer = new DataTransfer();
              for (const f of files) transfer.items.add(new File([Uint8Array.from(atob(f.data), c => c.charCodeAt(0))], f.name, { type: f.type }));
              return transfer;
            }
            """,
            new[]
            {
                new { name = "opinion.pdf", type = "application/pdf", data = Convert.ToBase64String(await File.ReadAllBytesAsync(TestData.CourtDocument("vector-pdf.pdf"), Cancel)) },
                new { name = "sealed.pdf", type = "application/pdf", data = Convert.ToBase64String(HostileFiles.PasswordProtectedPdf()) },
            });
        await page.GetByTestId("dropzone").DispatchEventAsync("drop", new { dataTransfer = dropped });

        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Filter(new() { HasText = "opinion.pdf" })).ToHaveAttributeAsync("data-stage", "ready", new() { Timeout = 120_000 });
        var sealedRow = rows.Filter(new() { HasText = "sealed.pdf" });
        await Expect(sealedRow).ToHaveAttributeAsync("data-stage", "failed", new() { Timeout = 120_000 });
        await Expect(sealedRow.GetByTestId("failure")).ToContainTextAsync("encrypted");
        var eventsBefore = await sealedRow.Locator(".history li").CountAsync();

        // Retry runs it again (reprocess): a new run's events, and the same failure, said again.
        await sealedRow.GetByRole(AriaRole.Button, new() { Name = "Retry" }).ClickAsync();
        await Expect(sealedRow.Locator(".history li")).Not.ToHaveCountAsync(eventsBefore, new() { Timeout = 60_000 });
        await Expect(sealedRow).ToHaveAttributeAsync("data-stage", "failed", new() { Timeout = 120_000 });
        await Expect(sealedRow.GetByTestId("failure")).ToContainTextAsync("encrypted");
        await Expect(sealedRow.Locator(".history li").Last).ToContainTextAsync("Failed");

        // Keyword mode, and the next page by cursor adds hits without repeating one.
        await page.GetByRole(AriaRole.Link, new() { Name = "Search", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search" }).FillAsync("water");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Keyword" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("(keyword)");
        var hits = page.Locator("li.hit");
        await Expect(hits).ToHaveCountAsync(10);
        await page.GetByRole(AriaRole.Button, new() { Name = "More results" }).ClickAsync();
        await Expect(hits).Not.ToHaveCountAsync(10);
        var texts = await hits.Locator(".snippet").AllTextContentsAsync();
        Assert.Equal(texts.Count, texts.Distinct().Count());

        // One hit per document: the opinion's many pages and the colleague's memo, once each.
        await page.GetByText("Filters").ClickAsync();
        await page.GetByLabel("Show").SelectOptionAsync("document");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(hits).ToHaveCountAsync(2);
        Assert.Equal(["colleague.txt", "opinion.pdf"], (await hits.Locator(".hit-source a:first-child").AllTextContentsAsync()).Order());

        // A member (an editor of the open case) is offered uploads, but not what only owners may do.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in as member" }).ClickAsync();
        await Expect(page.GetByTestId("user")).ToHaveTextAsync("dev-member");
        await page.GotoAsync($"{anonymous.BaseAddress!.GetLeftPart(UriPartial.Authority)}/#/cases/{caseId}");
        await Expect(page.GetByTestId("dropzone")).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Rename" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Delete case" })).ToHaveCountAsync(0);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Team" })).ToHaveCountAsync(0);
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    private static async Task SignInAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in as tenant admin" }).ClickAsync();
        await Expect(page.GetByTestId("user")).ToHaveTextAsync("dev-admin");
        await Expect(page.GetByTestId("tenant")).ToHaveTextAsync(DevelopmentCredentialsApi.TenantName);
    }

    /// <summary>A case of the test's own (the Development tenant is shared with other tests), renamed once on the way as owners may.</summary>
    private static async Task<Guid> CreateCaseAsync(IPage page, string name)
    {
        await page.GetByRole(AriaRole.Textbox, new() { Name = "New case" }).FillAsync(name + " (draft)");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create case" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name + " (draft)", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Textbox, new() { Name = "Name" }).FillAsync(name);
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Rename" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToHaveTextAsync(name);
        return Guid.Parse(Regex.Match(page.Url, "#/cases/([0-9a-f-]{36})").Groups[1].Value);
    }

    /// <summary>The original's PDF opened in Chromium's viewer at <paramref name="pageNumber"/>.</summary>
    private static async Task ExpectOriginalAtAsync(IPage page, int pageNumber)
    {
        var original = page.GetByTestId("original");
        await Expect(original).ToHaveAttributeAsync("src", new Regex($"^blob:.*#page={pageNumber}$"));
        IFrame? viewer = null;
        for (var i = 0; i < 100 && viewer is null; i++)
        {
            viewer = page.Frames.FirstOrDefault(f => f.Url.StartsWith("chrome-extension://", StringComparison.Ordinal));
            await Task.Delay(100, Cancel);
        }

        Assert.NotNull(viewer);
        await Assertions.Expect(viewer.Locator("#pageSelector")).ToHaveValueAsync(pageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
    }

    /// <summary>The page a link opens the original at (<c>#/documents/{id}?page=N</c>).</summary>
    private static async Task<int> PageOfAsync(ILocator link) =>
        int.Parse(Regex.Match(await link.GetAttributeAsync("href") ?? string.Empty, @"page=(\d+)$").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private async Task<HttpClient> DevelopmentAdminAsync()
    {
        using var anonymous = fixture.CreateAnonymousClient();
        using var issued = await anonymous.PostAsync("/dev/credentials", content: null, Cancel);
        var credentials = await issued.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<DevelopmentCredentials>(Cancel);
        return ApiClients.Create(fixture.App, credentials!.AdminToken);
    }

    /// <summary>The case feed's first <see cref="EventsBeforeTheDrop"/> progress events as a stream body, and the last one's id.</summary>
    private static async Task<(string Body, string LastId)> FeedPrefixAsync(HttpClient api, Guid caseId)
    {
        var events = await api.ReadEventsAsync($"/api/cases/{caseId}/progress", Cancel, until: e => e.Count(x => x.Type == "progress") == EventsBeforeTheDrop);
        var body = new StringBuilder();
        foreach (var e in events)
        {
            body.Append(e.Id is null ? string.Empty : "id: " + e.Id + "\n").Append("event: " + e.Type + "\ndata: " + e.Data + "\n\n");
        }

        return (body.ToString(), events[^1].Id!);
    }

    /// <summary>Every progress event id of the case, read from the start until each upload's final event.</summary>
    private static async Task<IEnumerable<string>> AllEventIdsAsync(HttpClient api, Guid caseId)
    {
        var events = await api.ReadEventsAsync(
            $"/api/cases/{caseId}/progress",
            Cancel,
            lastEventId: "0-0",
            until: e => e.Count(x => x.Type == "progress" && x.Json.GetProperty("final").GetBoolean()) == Uploads.Length);
        return events.Where(e => e.Type == "progress").Select(e => e.Id!);
    }
}
