using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Progress;
using LexIntel.Shared.Queue;
using LexIntel.WorkerService.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LexIntel.Tests.EndToEnd;

/// <summary>
/// A run ends in PostgreSQL before its final event reaches Redis; when Redis loses that event (down
/// at the moment, or killed before syncing its last second of writes) the job is not acknowledged
/// either, so it is delivered again — and must put the final event back, once.
/// </summary>
[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class FinalEventRestoreTests(LexIntelAppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_job_delivered_again_after_its_run_ended_restores_a_lost_final_event_once()
    {
        var tenant = Guid.NewGuid();
        using var client = await fixture.CreateTenantClientAsync(tenant);
        var caseId = (await (await client.PostAsJsonAsync("/api/cases", new { name = "Lost events" }, Cancel)).Content.ReadFromJsonAsync<CaseIdDto>(Cancel))!.Id;

        await using var db = await fixture.OpenDatabaseAsync();
        var ready = AddDocument(db, tenant, caseId, ProcessingStatus.Ready, run: 1);
        var failed = AddDocument(db, tenant, caseId, ProcessingStatus.Failed, run: 3);
        failed.FailureCode = "too_large";
        failed.FailureReason = "the file is larger than 100 MB";
        var reprocessed = AddDocument(db, tenant, caseId, ProcessingStatus.Ready, run: 2);
        await db.SaveChangesAsync(Cancel);

        await using var redis = await ConnectionMultiplexer.ConnectAsync((await fixture.App.GetConnectionStringAsync("redis", Cancel))!);
        var feed = new ProgressFeed(redis, new StreamSignals(redis), Options.Create(new ProgressOptions()));
        var handler = new DocumentPipelineHandler(
            new DocumentStages(db, feed, TimeProvider.System),
            [],
            new JobPublisher(redis, Options.Create(new QueueOptions()), TimeProvider.System),
            TimeProvider.System,
            NullLogger<DocumentPipelineHandler>.Instance);
        JobMessage Job(Document document, int run) =>
            new() { Kind = JobKinds.Embed, Key = $"embed:{document.Id}:{run}", TenantId = tenant, CaseId = caseId, DocumentId = document.Id, RunNumber = run };

        foreach (var _ in Enumerable.Range(0, 2))
        {
            await handler.HandleAsync(Job(ready, 1), Cancel);
            await handler.HandleAsync(Job(failed, 3), Cancel);

            // A job of a run a reprocess has replaced speaks for nothing.
            await handler.HandleAsync(Job(reprocessed, 1), Cancel);
        }

        var readyEvent = Assert.Single(await feed.ReadAsync(ProgressKeys.Document(ready.Id))).Event;
        Assert.Equal(("ready", true, 1, "Ready: 0 passages, 0 citations"), (readyEvent.Stage, readyEvent.Final, readyEvent.Run, readyEvent.Message));
        var failedEvent = Assert.Single(await feed.ReadAsync(ProgressKeys.Document(failed.Id))).Event;
        Assert.Equal(("failed", true, 3, "too_large", failed.FailureReason), (failedEvent.Stage, failedEvent.Final, failedEvent.Run, failedEvent.FailureCode, failedEvent.FailureReason));
        Assert.Empty(await feed.ReadAsync(ProgressKeys.Document(reprocessed.Id)));
        Assert.Equal(2, (await feed.ReadAsync(ProgressKeys.Case(caseId))).Count);
    }

    private static Document AddDocument(LexIntelDbContext db, Guid tenant, Guid caseId, ProcessingStatus status, int run)
    {
        var now = DateTimeOffset.UtcNow;
        var id = Guid.NewGuid();
        var document = new Document
        {
            Id = id, TenantId = tenant, CaseId = caseId, OriginalFileName = $"{status}.pdf", ContentType = "application/pdf",
            SizeBytes = 10, Sha256 = $"{id:N}{id:N}", StorageKey = "k", Status = status, RunNumber = run, CreatedAt = now, UpdatedAt = now,
        };
        db.Documents.Add(document);
        return document;
    }

    private sealed record CaseIdDto(Guid Id);
}
