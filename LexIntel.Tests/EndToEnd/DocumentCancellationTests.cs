using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using LexIntel.ApiService.Audit;
using LexIntel.ApiService.Documents;
using LexIntel.ApiService.Identity;
using LexIntel.Shared.Progress;
using LexIntel.Shared.Queue;
using LexIntel.Tests.Infrastructure;
using LexIntel.Tests.Integration.Queue;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LexIntel.Tests.EndToEnd;

/// <summary>
/// Stopping a document's processing through the API. The app's own worker starts only when the
/// test says (its jobs wait in the stream until then); in front of it, a consumer of the test's
/// own job kind on the app's Redis runs a handler that ignores its token, as a parser hung in
/// native code would, for the documents the test makes hang.
/// </summary>
[Tier(TestTier.EndToEnd)]
public sealed class DocumentCancellationTests : IAsyncLifetime
{
    private static readonly TimeSpan SlotFreedWithin = TimeSpan.FromSeconds(5);

    private readonly ThrowawayDataDirectory data = new();
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DistributedApplication app = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        app = await LexIntelAppFactory.StartAsync(
            data.Path,
            builder => builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "worker")).WithExplicitStart(),
            Cancel);

    [Fact]
    public async Task A_hung_job_stopped_by_cancel_an_operator_delete_or_reprocess_frees_its_slot_within_seconds_and_what_waited_for_those_documents_is_dropped()
    {
        var tenant = Guid.NewGuid();
        await ApiClients.ProvisionTenantAsync(app, tenant, Cancel);
        using var client = ApiClients.Create(app, ApiClients.TokenFor("admin", tenant, Roles.TenantAdmin));
        using var operatorClient = ApiClients.Operator(app);
        var caseId = await client.CreateCaseAsync("Cancelled", Cancel);
        var documents = await UploadAsync(client, caseId, "hung.txt", "operator.txt", "waiting.txt", "reprocessed.txt", "deleted.txt", "next.txt");
        await using var redis = await ConnectionMultiplexer.ConnectAsync((await app.GetConnectionStringAsync("redis", Cancel))!);

        // The stand-in for a hung parser, one slot, on a kind of the test's own.
        var kind = QueueHost.NewKind();
        var hanging = new HashSet<Guid> { documents["hung.txt"].Id, documents["operator.txt"].Id, documents["deleted.txt"].Id, documents["reprocessed.txt"].Id };
        var script = new JobScript { Behavior = (job, _) => hanging.Contains(job.DocumentId) ? released.Task : Task.CompletedTask };
        using var consumer = QueueHost.Create<ScriptedJobHandler>(redis, kind, "hung-parser-worker", o => o.Concurrency = 1, s => s.AddSingleton(script));
        await consumer.StartAsync(Cancel);
        var publisher = consumer.Services.GetRequiredService<JobPublisher>();
        Task EnqueueAsync(Guid documentId) => publisher.EnqueueAsync(
            new JobMessage { Kind = kind, Key = Guid.NewGuid().ToString("N"), TenantId = tenant, CaseId = caseId, DocumentId = documentId, RunNumber = 1 }, Cancel);

        // The document's job hangs in the only slot with another job behind it; stopping it the
        // given way must let the job behind run within seconds.
        async Task<T> HangThenStopAsync<T>(string name, Func<RunningJob, Task<T>> stop)
        {
            var (runs, completed) = (script.Runs.Count, script.Completed.Count);
            await EnqueueAsync(documents[name].Id);
            await Eventually.HoldsAsync(() => script.Runs.Count == runs + 1, TimeSpan.FromSeconds(30), $"{name}'s job to start");
            await EnqueueAsync(Guid.NewGuid());
            var listed = Assert.Single(Assert.Single(await RunningAsync(operatorClient), w => w.Worker == "hung-parser-worker").Jobs);
            Assert.Equal((kind, documents[name].Id, caseId, 1, 1), (listed.Kind, listed.DocumentId, listed.CaseId, listed.RunNumber, listed.Attempt));

            var clock = Stopwatch.StartNew();
            var result = await stop(listed);
            await Eventually.HoldsAsync(() => script.Completed.Count == completed + 1, SlotFreedWithin, $"the job behind {name}'s to run");
            Assert.True(clock.Elapsed < SlotFreedWithin, $"the slot was freed after {clock.Elapsed}");
            return result;
        }

        // A user cancels; an operator cancels from the list of running jobs; a user deletes; a user reprocesses.
        var cancelled = await HangThenStopAsync("hung.txt", async _ =>
        {
            using var response = await client.PostAsync($"/api/documents/{documents["hung.txt"].Id}/cancel", null, Cancel);
            return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<DocumentResponse>(Cancel))!;
        });
        Assert.Equal(("failed", DocumentCancellation.Code), (cancelled.Status, cancelled.FailureCode));
        var operatorCancelled = await HangThenStopAsync("operator.txt", async job =>
        {
            using var response = await operatorClient.PostAsync($"/api/admin/queues/{kind}/running/{job.EntryId}/cancel", null, Cancel);
            return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<RunningJob>(Cancel))!;
        });
        Assert.Equal(documents["operator.txt"].Id, operatorCancelled.DocumentId);
        Assert.Equal(HttpStatusCode.NoContent, await HangThenStopAsync("deleted.txt", async _ =>
        {
            using var response = await client.DeleteAsync($"/api/documents/{documents["deleted.txt"].Id}", Cancel);
            return response.StatusCode;
        }));
        Assert.Equal(HttpStatusCode.Accepted, await HangThenStopAsync("reprocessed.txt", async _ =>
        {
            using var response = await client.PostAsync($"/api/documents/{documents["reprocessed.txt"].Id}/reprocess", null, Cancel);
            return response.StatusCode;
        }));
        await Eventually.HoldsAsync(async () => (await RunningAsync(operatorClient)).All(w => w.Worker != "hung-parser-worker"), SlotFreedWithin, "the running list to be empty");
        Assert.Empty(script.Failures);
        Assert.Equal(8, script.Runs.Count);

        // Nothing left to stop; a queued document is cancelled before any worker took it.
        using var again = await client.PostAsync($"/api/documents/{documents["hung.txt"].Id}/cancel", null, Cancel);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("only a document being processed can be cancelled", await again.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        using var waitingCancel = await client.PostAsync($"/api/documents/{documents["waiting.txt"].Id}/cancel", null, Cancel);
        waitingCancel.EnsureSuccessStatusCode();

        // A restart of the hung kind's worker does not run the cancelled entries again.
        await consumer.StopAsync(Cancel);
        using var restarted = QueueHost.Create<ScriptedJobHandler>(redis, kind, "restarted-worker", o => o.Concurrency = 1, s => s.AddSingleton(script));
        await restarted.StartAsync(Cancel);

        // The app's worker starts: the jobs that waited for the cancelled, superseded and deleted
        // documents are dropped without a failure; the rest are processed.
        var commands = app.Services.GetRequiredService<ResourceCommandService>();
        Assert.True((await commands.ExecuteCommandAsync("worker", KnownResourceCommands.StartCommand, Cancel)).Success);
        Assert.Equal("ready", (await client.WaitUntilFinishedAsync(documents["next.txt"].Id, Cancel)).Status);
        Assert.Equal("ready", (await client.WaitUntilFinishedAsync(documents["reprocessed.txt"].Id, Cancel)).Status);
        using var deleted = await client.GetAsync($"/api/documents/{documents["deleted.txt"].Id}", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, deleted.StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(2), Cancel);
        await restarted.StopAsync(Cancel);
        Assert.Equal(8, script.Runs.Count);

        var feed = new ProgressFeed(redis, new StreamSignals(redis), Options.Create(new ProgressOptions()));
        foreach (var name in new[] { "hung.txt", "operator.txt", "waiting.txt" })
        {
            var document = (await client.GetFromJsonAsync<DocumentResponse>($"/api/documents/{documents[name].Id}", Cancel))!;
            Assert.Equal(("failed", DocumentCancellation.Code), (document.Status, document.FailureCode));
            var events = (await feed.ReadAsync(ProgressKeys.Document(document.Id))).Select(e => e.Event).ToList();
            Assert.Equal(DocumentCancellation.Code, Assert.Single(events, e => e.Final).FailureCode);
            Assert.True(events[^1].Final, $"{name} had events after its cancellation");
        }

        using var dead = await operatorClient.GetAsync("/api/admin/queues/extract/dead?limit=500", Cancel);
        var deadLetters = await dead.EnsureSuccessStatusCode().Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain(documents["hung.txt"].Id.ToString(), deadLetters, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(documents["waiting.txt"].Id.ToString(), deadLetters, StringComparison.OrdinalIgnoreCase);

        var audit = (await client.GetFromJsonAsync<AuditPage>($"/api/audit?caseId={caseId}&action={AuditActions.DocumentCancel}", Cancel))!;
        Assert.Equal(
            new[] { documents["hung.txt"].Id, documents["operator.txt"].Id, documents["waiting.txt"].Id }.Order(),
            audit.Items.Select(e => e.DocumentId!.Value).Order());
        Assert.Contains(audit.Items, e => e.DocumentId == documents["operator.txt"].Id && e.UserId == "operator");
    }

    private static async Task<Dictionary<string, DocumentResponse>> UploadAsync(HttpClient client, Guid caseId, params string[] names)
    {
        using var upload = await client.UploadAsync(caseId, Cancel, [.. names.Select(n => (n, (HttpContent)new StringContent($"The {n} memorandum on the water rights of the parties.")))]);
        var files = (await upload.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<UploadResponse>(Cancel))!.Files;
        return files.ToDictionary(f => f.FileName, f => f.Document!);
    }

    private static async Task<List<WorkerJobs>> RunningAsync(HttpClient operatorClient) =>
        (await operatorClient.GetFromJsonAsync<List<WorkerJobs>>("/api/admin/queues/running", Cancel))!;

    public async ValueTask DisposeAsync()
    {
        released.TrySetResult();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        data.Dispose();
    }
}
