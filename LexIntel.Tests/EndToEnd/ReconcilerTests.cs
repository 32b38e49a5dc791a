using System.Net;
using System.Net.Http.Json;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Queue;
using LexIntel.Shared.Queue.Outbox;
using LexIntel.Shared.Storage;
using LexIntel.WorkerService.Reconciliation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using LexIntel.Tests.Infrastructure;
using Npgsql;

namespace LexIntel.Tests.EndToEnd;

/// <summary>
/// The reconciler's repairs on the shared app's real stores, each after the crash that calls for
/// it. Passes run here on a fake clock, so the grace periods pass at once; the documents they
/// re-queue are then processed by the app's own API and worker.
/// </summary>
[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class ReconcilerTests(LexIntelAppFixture fixture)
{
    private static readonly ReconcilerOptions Settings = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_document_whose_job_was_lost_after_its_commit_is_queued_again_and_ends_ready_and_one_with_a_job_waits()
    {
        await using var stores = await AppStores.OpenAsync(fixture, Cancel);
        var tenant = Guid.NewGuid();
        using var client = await fixture.CreateTenantClientAsync(tenant);
        var caseId = await client.CreateCaseAsync("Lost jobs", Cancel);

        // Uploads that committed their rows and sent their jobs, after which Redis lost one job (a
        // flush, a restart without its data) and kept the other, a retry waiting for its time.
        var lost = await CommittedUploadAsync(stores, tenant, caseId, "lost.txt", "The job of this upload was lost.");
        var waiting = await CommittedUploadAsync(stores, tenant, caseId, "waiting.txt", "The job of this upload waits to be retried.");
        await stores.Redis.GetDatabase().SortedSetAddAsync(
            QueueKeys.Delayed(JobKinds.Extract), (DocumentJobs.Extract(waiting) with { Attempt = 2 }).ToDelayedMember(), DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds());
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);

        await RunPassAsync(stores, time);
        Assert.Equal(1, await RunOfAsync(stores, lost.Id));

        time.Advance(Settings.StuckDocumentGracePeriod + TimeSpan.FromMinutes(1));
        await RunPassAsync(stores, time);

        Assert.Equal(2, await RunOfAsync(stores, lost.Id));
        var repaired = await client.WaitUntilFinishedAsync(lost.Id, Cancel);
        Assert.Equal("ready", repaired.Status);
        Assert.Equal(1, repaired.ChunkCount);
        Assert.Equal(1, await RunOfAsync(stores, waiting.Id));
        Assert.Equal("queued", (await client.GetFromJsonAsync<LexIntel.ApiService.Documents.DocumentResponse>($"/api/documents/{waiting.Id}", Cancel))!.Status);

        // Deleting it takes its waiting retry too, so the app's own reconciler finds nothing of it later.
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/documents/{waiting.Id}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_stored_file_no_document_owns_is_removed_after_the_grace_period_and_owned_ones_stay()
    {
        await using var stores = await AppStores.OpenAsync(fixture, Cancel);
        var tenant = Guid.NewGuid();
        using var client = await fixture.CreateTenantClientAsync(tenant);
        var (caseId, documents) = await client.CreateCaseWithReadyDocumentsAsync("Orphans", Cancel, ("owned.txt", new StringContent("A file its document owns.")));

        // An upload that died between storing its file and committing its row.
        var orphan = StorageKeys.ForDocument(tenant, caseId, Guid.NewGuid());
        using (var content = new MemoryStream("Nobody's file."u8.ToArray()))
        {
            await stores.Files.CommitAsync(await stores.Files.StageAsync(content, 1_000, Cancel), orphan, Cancel);
        }

        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await RunPassAsync(stores, time);
        Assert.Contains(orphan, await StoredKeysAsync(stores));

        time.Advance(Settings.OrphanFileGracePeriod + TimeSpan.FromMinutes(1));
        await RunPassAsync(stores, time);

        var stored = await StoredKeysAsync(stores);
        Assert.DoesNotContain(orphan, stored);
        Assert.Contains(StorageKeys.ForDocument(tenant, caseId, documents["owned.txt"]), stored);
        using var download = await client.GetAsync($"/api/documents/{documents["owned.txt"]}/content", Cancel);
        Assert.Equal("A file its document owns.", await download.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task A_staged_upload_abandoned_mid_write_is_removed_after_the_grace_period()
    {
        await using var stores = await AppStores.OpenAsync(fixture, Cancel);
        using var writer = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var stalling = new StallingStream(new byte[64 * 1024]);

        // The upload's writer stops for good after its first part, as if its process had died.
        var staging = stores.Files.StageAsync(stalling, 1_000_000, writer.Token);
        await stalling.Stalled.WaitAsync(Cancel);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);

        Assert.Equal(0, (await RunPassAsync(stores, time)).AbandonedUploads);
        time.Advance(Settings.OrphanFileGracePeriod + TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await RunPassAsync(stores, time)).AbandonedUploads);
        Assert.Equal(0, (await RunPassAsync(stores, time)).AbandonedUploads);

        await writer.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => staging);
    }

    [Fact]
    public async Task Only_one_reconciler_acts_at_a_time()
    {
        await using var stores = await AppStores.OpenAsync(fixture, Cancel);
        await using var other = new NpgsqlConnection(stores.DatabaseConnectionString);
        await other.OpenAsync(Cancel);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({WorkerService.Reconciliation.Reconciler.LockKey})", other))
        {
            await take.ExecuteNonQueryAsync(Cancel);
        }

        Assert.Null(await NewReconciler(stores, new FakeTimeProvider(DateTimeOffset.UtcNow)).RunOnceAsync(Cancel));

        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({WorkerService.Reconciliation.Reconciler.LockKey})", other))
        {
            await release.ExecuteNonQueryAsync(Cancel);
        }

        Assert.NotNull(await RunPassAsync(stores, new FakeTimeProvider(DateTimeOffset.UtcNow)));
    }

    private static Reconciler NewReconciler(AppStores stores, TimeProvider time)
    {
        var options = Options.Create(Settings);
        var outbox = new OutboxWriter(new OutboxSignal(), time);
        return new Reconciler(
            stores.Db,
            new LostJobRepair(stores.Db, new QueuedJobs(stores.Redis), outbox, options, time, NullLogger<LostJobRepair>.Instance),
            new OrphanFileSweep(stores.Db, stores.Files, options, time, NullLogger<OrphanFileSweep>.Instance),
            NullLogger<Reconciler>.Instance);
    }

    /// <summary>A pass; the app's own worker may hold the lock for a moment of its own pass, so it is tried until it runs.</summary>
    private static async Task<ReconcilerResult> RunPassAsync(AppStores stores, TimeProvider time)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await NewReconciler(stores, time).RunOnceAsync(Cancel) is { } result)
            {
                return result;
            }

            Assert.True(attempt < 50, "another reconciler held the lock for over 5 s");
            await Task.Delay(100, Cancel);
        }
    }

    /// <summary>What an upload commits: the stored file, the document row and its extract job, sent.</summary>
    private static async Task<Document> CommittedUploadAsync(AppStores stores, Guid tenant, Guid caseId, string fileName, string text)
    {
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        var staged = await stores.Files.StageAsync(content, 1_000, Cancel);
        var document = Document.Received(tenant, caseId, fileName, "text/plain", staged, DateTimeOffset.UtcNow);
        await stores.Files.CommitAsync(staged, document.StorageKey, Cancel);
        stores.Db.Documents.Add(document);
        new OutboxWriter(new OutboxSignal(), TimeProvider.System).Add(stores.Db, DocumentJobs.Extract(document));
        stores.Db.OutboxMessages.Local.Single(m => m.Payload.Contains(document.Id.ToString(), StringComparison.Ordinal)).DispatchedAt = DateTimeOffset.UtcNow;
        await stores.Db.SaveChangesAsync(Cancel);
        stores.Db.ChangeTracker.Clear();
        return document;
    }

    private static Task<int> RunOfAsync(AppStores stores, Guid documentId) =>
        stores.Db.Documents.AsNoTracking().Where(d => d.Id == documentId).Select(d => d.RunNumber).SingleAsync(Cancel);

    private static async Task<List<string>> StoredKeysAsync(AppStores stores) =>
        await stores.Files.ListAsync(Cancel).Select(f => f.Key).ToListAsync(Cancel);
}
