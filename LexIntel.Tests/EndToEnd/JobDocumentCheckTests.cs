using Aspire.Hosting.Testing;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Pipeline;
using LexIntel.Shared.Progress;
using LexIntel.Shared.Queue;
using LexIntel.WorkerService.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LexIntel.Tests.EndToEnd;

/// <summary>
/// The worker's context sees every tenant (no request binds it), so the worker itself checks that
/// a job's document is of the job's tenant and case before it touches the document or its feeds.
/// </summary>
[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class JobDocumentCheckTests(LexIntelAppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_job_naming_a_document_of_another_tenant_or_case_changes_nothing_and_reports_nothing()
    {
        await using var db = await fixture.OpenDatabaseAsync();
        var rows = await TenantRows.SeedAsync(db, Cancel);
        await db.Documents.Where(d => d.Id == rows.DocumentId).ExecuteUpdateAsync(set => set.SetProperty(d => d.Status, ProcessingStatus.Extracting), Cancel);

        await using var redis = await ConnectionMultiplexer.ConnectAsync((await fixture.App.GetConnectionStringAsync("redis", Cancel))!);
        var feed = new ProgressFeed(redis, new StreamSignals(redis), Options.Create(new ProgressOptions()));
        var stages = new DocumentStages(db, feed, TimeProvider.System);
        var handler = new DocumentPipelineHandler(stages, [], new JobPublisher(redis, Options.Create(new QueueOptions()), TimeProvider.System), TimeProvider.System, NullLogger<DocumentPipelineHandler>.Instance);
        var recorder = new DocumentFailureRecorder(db, feed, TimeProvider.System);
        var job = new JobMessage { Kind = JobKinds.Extract, Key = "k", TenantId = rows.TenantId, CaseId = rows.CaseId, DocumentId = rows.DocumentId, RunNumber = 1 };
        Assert.NotNull(await stages.CurrentRunAsync(job, Cancel));

        foreach (var foreign in new[] { job with { TenantId = Guid.NewGuid() }, job with { CaseId = Guid.NewGuid() } })
        {
            Assert.Null(await stages.CurrentRunAsync(foreign, Cancel));
            Assert.False(await stages.MoveToAsync(foreign, DocumentPipeline.Extract, "Extracting", Cancel));
            await handler.HandleAsync(foreign, Cancel);
            await recorder.RecordAsync(foreign, new JobFailure("internal_error", "boom", DeadLettered: true, Attempts: 5), Cancel);
        }

        var document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == rows.DocumentId, Cancel);
        Assert.Equal(ProcessingStatus.Extracting, document.Status);
        Assert.Null(document.FailureCode);
        Assert.Empty(await feed.ReadAsync(ProgressKeys.Document(rows.DocumentId)));
    }
}
