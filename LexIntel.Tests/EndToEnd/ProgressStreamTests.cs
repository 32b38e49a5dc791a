using System.Net;
using System.Net.Http.Json;
using LexIntel.ApiService.Documents;

namespace LexIntel.Tests.EndToEnd;

[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class ProgressStreamTests(LexIntelAppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Task<List<SseEvent>> ReadEventsAsync(HttpClient client, string url, string? lastEventId = null, Func<List<SseEvent>, bool>? until = null) =>
        client.ReadEventsAsync(url, Cancel, lastEventId, until);

    private static async Task<Guid> UploadAsync(HttpClient client, Guid caseId, string fileName, HttpContent content)
    {
        using var upload = await client.UploadAsync(caseId, Cancel, (fileName, content));
        return (await upload.Content.ReadFromJsonAsync<UploadResponse>(Cancel))!.Files.Single().Document!.Id;
    }

    [Fact]
    public async Task A_documents_feed_starts_with_its_state_then_streams_stages_and_ends_at_ready()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Progress", Cancel);
        var id = await UploadAsync(client, caseId, "notes.txt", new StringContent("The court relied on Roe v. Wade, 410 U.S. 113 (1973)."));

        var events = await ReadEventsAsync(client, $"/api/documents/{id}/progress");

        var state = events[0];
        Assert.Equal("state", state.Type);
        Assert.Null(state.Id);
        Assert.Equal(2000, state.Retry);
        Assert.Equal(id, state.Json.GetProperty("documentId").GetGuid());
        var progress = events.Skip(1).ToList();
        Assert.All(progress, e =>
        {
            Assert.Equal("progress", e.Type);
            Assert.Matches(@"^\d+-\d+$", e.Id);
            Assert.Equal(id, e.Json.GetProperty("documentId").GetGuid());
        });
        Assert.Equal(progress.Select(e => e.Id), progress.Select(e => e.Id).Distinct());
        var stages = progress.Select(e => e.Json.GetProperty("stage").GetString()).Where(s => s != "queued").ToList();
        var stagesInTurn = stages.Where((stage, i) => i == 0 || stages[i - 1] != stage);
        Assert.Equal(["extracting", "chunking", "citations", "embedding", "indexing", "ready"], stagesInTurn);
        var percents = progress.Select(e => e.Json.GetProperty("percent").GetInt32()).ToList();
        Assert.Equal(percents.Order(), percents);
        Assert.True(progress[^1].Json.GetProperty("final").GetBoolean());
        Assert.Equal(100, progress[^1].Json.GetProperty("percent").GetInt32());

        // Arriving after the end: the state is already final, the replay ends at once.
        var late = await ReadEventsAsync(client, $"/api/documents/{id}/progress", lastEventId: progress[^1].Id);
        var only = Assert.Single(late);
        Assert.Equal("ready", only.Json.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task A_client_that_reconnects_with_Last_Event_ID_gets_exactly_the_events_it_missed()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Resume", Cancel);
        var id = await UploadAsync(client, caseId, "opinion.pdf", new ByteArrayContent(File.ReadAllBytes(TestData.CourtDocument("vector-pdf.pdf"))));

        var first = await ReadEventsAsync(client, $"/api/documents/{id}/progress", until: e => e.Count == 3);
        Assert.Equal("ready", (await client.WaitUntilFinishedAsync(id, Cancel)).Status);
        var resumed = await ReadEventsAsync(client, $"/api/documents/{id}/progress", lastEventId: first[^1].Id);
        var everything = await ReadEventsAsync(client, $"/api/documents/{id}/progress");

        Assert.Equal("state", resumed[0].Type);
        var seen = first.Skip(1).Concat(resumed.Skip(1)).Select(e => e.Id).ToList();
        Assert.Equal(everything.Skip(1).Select(e => e.Id), seen);
        Assert.Equal(seen, seen.Distinct());
        Assert.Equal("ready", resumed[^1].Json.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task A_cases_feed_carries_every_document_and_stays_open()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Case feed", Cancel);
        var before = await UploadAsync(client, caseId, "a.txt", new StringContent("First note."));
        await client.WaitUntilFinishedAsync(before, Cancel);

        var after = Guid.Empty;
        var reading = Task.Run(
            () => ReadEventsAsync(client, $"/api/cases/{caseId}/progress", until: e => e.Any(x => x.Type == "progress" && x.Json.GetProperty("documentId").GetGuid() == after && x.Json.GetProperty("final").GetBoolean())),
            Cancel);
        after = await UploadAsync(client, caseId, "b.txt", new StringContent("Second note."));
        var events = await reading;

        Assert.Equal("state", events[0].Type);
        Assert.Equal(before, events[0].Json.GetProperty("documentId").GetGuid());
        var documents = events.Where(e => e.Type == "progress").Select(e => e.Json.GetProperty("documentId").GetGuid()).Distinct().ToList();
        Assert.Contains(before, documents);
        Assert.Contains(after, documents);
    }

    [Fact]
    public async Task Unknown_or_foreign_documents_and_bad_cursors_are_refused_before_streaming()
    {
        using var owner = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        using var stranger = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await owner.CreateCaseAsync("Private", Cancel);
        var id = await UploadAsync(owner, caseId, "a.txt", new StringContent("Privileged."));

        using var foreign = await stranger.GetAsync($"/api/documents/{id}/progress", Cancel);
        using var foreignCase = await stranger.GetAsync($"/api/cases/{caseId}/progress", Cancel);
        using var unknown = await owner.GetAsync($"/api/documents/{Guid.NewGuid()}/progress", Cancel);
        using var badCursor = await owner.GetAsync($"/api/documents/{id}/progress?lastEventId=yesterday", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignCase.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCursor.StatusCode);
        Assert.Contains("Last-Event-ID", await badCursor.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
