using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Progress;
using LexIntel.Shared.Queue;
using LexIntel.WorkerService.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LexIntel.Tests.EndToEnd;

[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class DocumentFailureRecorderTests(LexIntelAppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_final_job_failure_marks_its_own_run_of_the_document_failed_and_says_why()
    {
        var tenant = Guid.NewGuid();
        using var client = await fixture.CreateTenantClientAsync(tenant);
        var caseId = (await (await client.PostAsJsonAsync("/api/cases", new { name = "Failures" }, Cancel)).Content.ReadFromJsonAsync<CaseIdDto>(Cancel))!.Id;

        await using var db = await fixture.OpenDatabaseAsync();
        var now = DateTimeOffset.UtcNow;
        var document = new Document
        {
            Id = Guid.NewGuid(), TenantId = tenant, CaseId = caseId, OriginalFileName = "scan.pdf", ContentType = "application/pdf",
            SizeBytes = 10, Sha256 = new string('a', 64), StorageKey = "k", Status = ProcessingStatus.Extracting, RunNumber = 2,
            CreatedAt = now, UpdatedAt = now,
        };
        db.Documents.Add(document);
        await db.SaveChangesAsync(Cancel);

        await using var redis = await ConnectionMultiplexer.ConnectAsync((await fixture.App.GetConnectionStringAsync("redis", Cancel))!);
        var feed = new ProgressFeed(redis, new StreamSignals(redis), Options.Create(new ProgressOptions()));
        var recorder = new DocumentFailureRecorder(db, feed, TimeProvider.System);
        var job = new JobMessage { Kind = JobKinds.Extract, Key = "k", TenantId = tenant, CaseId = caseId, DocumentId = document.Id, RunNumber = 1 };
        var failure = new JobFailure("no_extractable_text", "no extractable text (scanned PDF; OCR not enabled)", DeadLettered: false, Attempts: 1);

        await recorder.RecordAsync(job, failure, Cancel);
        Assert.Equal(ProcessingStatus.Extracting, (await db.Documents.AsNoTracking().SingleAsync(d => d.Id == document.Id, Cancel)).Status);

        await recorder.RecordAsync(job with { RunNumber = 2 }, failure, Cancel);
        var failed = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == document.Id, Cancel);
        Assert.Equal(ProcessingStatus.Failed, failed.Status);
        Assert.Equal("no_extractable_text", failed.FailureCode);
        Assert.Equal(failure.Reason, failed.FailureReason);

        var events = await feed.ReadAsync(ProgressKeys.Document(document.Id));
        var last = Assert.Single(events).Event;
        Assert.Equal("failed", last.Stage);
        Assert.True(last.Final);
        Assert.Equal("no_extractable_text", last.FailureCode);
    }

    private sealed record CaseIdDto(Guid Id);
}
