using System.Diagnostics;
using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using LexIntel.ApiService.Documents;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Progress;
using LexIntel.Shared.Queue;
using LexIntel.Tests.Infrastructure;
using LexIntel.Tests.Integration.Queue;
using LexIntel.WorkerService.Extraction;
using LexIntel.WorkerService.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace LexIntel.Tests.EndToEnd;

/// <summary>
/// Files made to take a worker down go through the real app and fail promptly, once, with the limit
/// they broke, while an ordinary file uploaded with them is processed; and a job whose runs keep
/// dying with their worker fails its document as <c>worker_crashed</c> in the app's database.
/// </summary>
[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class HostileUploadTests(LexIntelAppFixture fixture)
{
    private static readonly string[] HostileFileNames = ["bomb.pdf", "deep.html", "exhibits.eml"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Hostile_uploads_fail_with_the_limit_they_broke_and_an_emails_attachments_stop_at_theirs()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Hostile", Cancel);
        var clock = Stopwatch.StartNew();
        using var upload = await client.UploadAsync(
            caseId,
            Cancel,
            ("bomb.pdf", new ByteArrayContent(HostileFiles.PdfDecompressionBomb(1024L * 1024 * 1024))),
            ("deep.html", new ByteArrayContent(HostileFiles.DeeplyNestedHtml(100_000))),
            ("exhibits.eml", new ByteArrayContent(HostileFiles.EmailWithAttachments(1_000))),
            ("note.txt", new ByteArrayContent("Counsel relies on 42 U.S.C. § 1983."u8.ToArray())));
        var documents = (await upload.Content.ReadFromJsonAsync<UploadResponse>(Cancel))!.Files.ToDictionary(f => f.FileName, f => f.Document!.Id);

        var finished = new Dictionary<string, DocumentResponse>();
        foreach (var (name, id) in documents)
        {
            finished[name] = await client.WaitUntilFinishedAsync(id, Cancel);
        }

        TestContext.Current.SendDiagnosticMessage($"Hostile uploads final after {clock.Elapsed.TotalSeconds:N1} s");
        Assert.Equal("ready", finished["note.txt"].Status);
        Assert.Equal(("failed", ExtractionFailures.TooLargeCode), (finished["bomb.pdf"].Status, finished["bomb.pdf"].FailureCode));
        Assert.Contains("(LexIntel:Extraction:MaxDecompressedBytes)", finished["bomb.pdf"].FailureReason, StringComparison.Ordinal);
        Assert.Equal(("failed", ExtractionFailures.TooDeepCode), (finished["deep.html"].Status, finished["deep.html"].FailureCode));
        Assert.Contains("(LexIntel:Extraction:MaxHtmlDepth)", finished["deep.html"].FailureReason, StringComparison.Ordinal);
        Assert.Equal(("failed", ExtractionFailures.TooLargeCode), (finished["exhibits.eml"].Status, finished["exhibits.eml"].FailureCode));
        Assert.Equal(
            "the e-mail has 1,000 attachments, more than the 100 processed in one e-mail (LexIntel:Extraction:MaxAttachments); the first 100 were added as documents; upload the others on their own",
            finished["exhibits.eml"].FailureReason);

        await using var db = await fixture.OpenDatabaseAsync();
        var attachments = await db.Documents.AsNoTracking().Where(d => d.ParentDocumentId == documents["exhibits.eml"]).ToListAsync(Cancel);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => $"exhibit-{i}.bin").Order(), attachments.Select(d => d.OriginalFileName).Order());
        Assert.All(attachments, a => Assert.Equal("unsupported_type", a.FailureCode));

        // Failed for good on their first run, not tried again.
        await using var redis = await ConnectionMultiplexer.ConnectAsync((await fixture.App.GetConnectionStringAsync("redis", Cancel))!);
        var dead = await new QueueAdmin(redis, TimeProvider.System).ListDeadLettersAsync(JobKinds.Extract, 500);
        Assert.Equal(
            HostileFileNames.Select(name => (documents[name], 1, true)).Order(),
            dead.Where(d => documents.ContainsValue(d.DocumentId ?? Guid.Empty)).Select(d => (d.DocumentId!.Value, d.Attempts, d.Permanent)).Order());
    }

    [Fact]
    public async Task Emails_attached_to_emails_stop_handing_on_attachments_at_the_depth_limit()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Forwarded", Cancel);
        using var upload = await client.UploadAsync(caseId, Cancel, ("level-1.eml", new ByteArrayContent(HostileFiles.EmailsInEmails(12))));
        var top = (await upload.Content.ReadFromJsonAsync<UploadResponse>(Cancel))!.Files.Single().Document!.Id;

        // Each level is a document whose attachment becomes the next, down to the limit (8).
        var levels = new List<DocumentResponse> { await client.WaitUntilFinishedAsync(top, Cancel) };
        await using var db = await fixture.OpenDatabaseAsync();
        for (var parent = top; await db.Documents.AsNoTracking().Where(d => d.ParentDocumentId == parent).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(Cancel) is { } child; parent = child)
        {
            levels.Add(await client.WaitUntilFinishedAsync(child, Cancel));
        }

        Assert.Equal(Enumerable.Range(1, 8).Select(level => $"level-{level}.eml"), levels.Select(d => d.FileName));
        Assert.All(levels[..7], level => Assert.Equal("ready", level.Status));
        Assert.Equal(("failed", ExtractionFailures.TooDeepCode), (levels[7].Status, levels[7].FailureCode));
        Assert.Equal(
            "the file is an attachment 8 levels deep (an attachment of an attachment …), the deepest whose own attachments are taken in (LexIntel:Extraction:MaxEmailDepth); save the attachments inside it and upload them on their own",
            levels[7].FailureReason);
    }

    [Fact]
    public async Task A_job_whose_runs_die_with_their_workers_fails_its_document_as_worker_crashed()
    {
        await using var db = await fixture.OpenDatabaseAsync();
        var rows = await TenantRows.SeedAsync(db, Cancel);
        await db.Documents.Where(d => d.Id == rows.DocumentId).ExecuteUpdateAsync(set => set.SetProperty(d => d.Status, ProcessingStatus.Extracting), Cancel);
        await using var redis = await ConnectionMultiplexer.ConnectAsync((await fixture.App.GetConnectionStringAsync("redis", Cancel))!);
        var connectionString = await fixture.App.GetConnectionStringAsync(LexIntelDbContext.ConnectionName, Cancel);
        var kind = QueueHost.NewKind();
        var script = new JobScript();
        using var survivor = QueueHost.Create<ScriptedJobHandler>(redis, kind, "survivor", o => o.MaxDeliveries = 3, services =>
        {
            services.AddSingleton(script);
            services.AddSingleton(TimeProvider.System);
            services.AddScoped(_ => new LexIntelDbContext(new DbContextOptionsBuilder<LexIntelDbContext>().UseNpgsql(connectionString, o => o.UseVector()).Options));
            services.AddProgressFeed();
            services.AddScoped<IJobFailureRecorder, DocumentFailureRecorder>();
        });
        var job = new JobMessage { Kind = kind, Key = $"{kind}:{rows.DocumentId}:1", TenantId = rows.TenantId, CaseId = rows.CaseId, DocumentId = rows.DocumentId, RunNumber = 1 };
        await survivor.Services.GetRequiredService<JobPublisher>().EnqueueAsync(job, Cancel);
        await LostDeliveries.MakeAsync(redis.GetDatabase(), kind, 3);

        await survivor.StartAsync(Cancel);
        Document document = null!;
        await Eventually.HoldsAsync(
            async () => (document = await db.Documents.AsNoTracking().SingleAsync(d => d.Id == rows.DocumentId, Cancel)).Status == ProcessingStatus.Failed,
            TimeSpan.FromSeconds(30),
            "the document to fail");
        await survivor.StopAsync(Cancel);

        Assert.Empty(script.Runs);
        Assert.Equal(JobFailure.WorkerCrashedCode, document.FailureCode);
        Assert.Equal(JobFailure.WorkerCrashed(3).Reason, document.FailureReason);
        var last = (await survivor.Services.GetRequiredService<ProgressFeed>().ReadAsync(ProgressKeys.Document(rows.DocumentId)))[^1].Event;
        Assert.True(last.Final);
        Assert.Equal(JobFailure.WorkerCrashedCode, last.FailureCode);
    }
}
