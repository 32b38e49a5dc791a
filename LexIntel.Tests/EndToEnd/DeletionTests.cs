using System.Net;
using System.Net.Http.Json;
using LexIntel.ApiService.Documents;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Deletion;
using LexIntel.Shared.Progress;
using LexIntel.Shared.Queue;
using LexIntel.Shared.Storage;
using LexIntel.Tests.Infrastructure;
using LexIntel.WorkerService.Cleanup;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace LexIntel.Tests.EndToEnd;

/// <summary>
/// Deleting a document or a case leaves nothing of it in any store, also when the deletion is cut
/// off before or after its commit: each store is listed for anything naming the deleted ids.
/// </summary>
[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class DeletionTests(LexIntelAppFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Deleting_a_document_leaves_nothing_of_it_anywhere_but_its_case_keeps_its_feed()
    {
        await using var stores = await AppStores.OpenAsync(fixture, Cancel);
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var (caseId, documents) = await client.CreateCaseWithReadyDocumentsAsync("Deletions", Cancel, ("brief.txt", new StringContent("The brief cites Marbury v. Madison, 5 U.S. 137 (1803).")));
        var documentId = documents["brief.txt"];
        var document = await stores.Db.Documents.AsNoTracking().SingleAsync(d => d.Id == documentId, Cancel);
        await AddRetryAndDeadLetterAsync(stores.Redis, document);
        Assert.NotEmpty(await stores.NamingAsync(documentId, Cancel));

        using var deleted = await client.DeleteAsync($"/api/documents/{documentId}", Cancel);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/documents/{documentId}", Cancel)).StatusCode);
        await NothingLeftAsync(stores, documentId);
        Assert.True(await stores.Redis.GetDatabase().KeyExistsAsync(ProgressKeys.Case(caseId)), "deleting a document took its case's feed");
    }

    [Fact]
    public async Task Deleting_a_case_leaves_nothing_of_it_or_its_documents_anywhere()
    {
        await using var stores = await AppStores.OpenAsync(fixture, Cancel);
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var (caseId, documents) = await client.CreateCaseWithReadyDocumentsAsync(
            "Deleted matter", Cancel, ("one.txt", new StringContent("First of two notes.")), ("two.txt", new StringContent("Second of two notes.")));
        var first = await stores.Db.Documents.AsNoTracking().SingleAsync(d => d.Id == documents["one.txt"], Cancel);
        await AddRetryAndDeadLetterAsync(stores.Redis, first);

        using var deleted = await client.DeleteAsync($"/api/cases/{caseId}", Cancel);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/cases/{caseId}", Cancel)).StatusCode);
        foreach (var id in documents.Values.Append(caseId))
        {
            await NothingLeftAsync(stores, id);
        }
    }

    [Fact]
    public async Task A_deletion_cut_off_before_its_commit_leaves_everything_as_it_was()
    {
        await using var stores = await AppStores.OpenAsync(fixture, Cancel);
        var tenant = Guid.NewGuid();
        using var client = await fixture.CreateTenantClientAsync(tenant);
        var (caseId, documents) = await client.CreateCaseWithReadyDocumentsAsync("Kept", Cancel, ("kept.txt", new StringContent("Nothing of this may go.")));
        var documentId = documents["kept.txt"];
        var before = await stores.NamingAsync(documentId, Cancel);

        // The deletions as the API runs them, each cut off (rolled back, as a crash would) before its commit.
        await using (var transaction = await stores.Db.Database.BeginTransactionAsync(Cancel))
        {
            AppStores.Deletions().DeleteDocument(stores.Db, await stores.Db.Documents.SingleAsync(d => d.Id == documentId, Cancel));
            await stores.Db.SaveChangesAsync(Cancel);
        }

        stores.Db.ChangeTracker.Clear();
        await using (var transaction = await stores.Db.Database.BeginTransactionAsync(Cancel))
        {
            Assert.NotNull(await AppStores.Deletions().DeleteCaseAsync(stores.Db, tenant, caseId, Cancel));
            await stores.Db.SaveChangesAsync(Cancel);
        }

        Assert.Equal("ready", (await client.WaitUntilFinishedAsync(documentId, Cancel)).Status);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/cases/{caseId}", Cancel)).StatusCode);
        using var download = await client.GetAsync($"/api/documents/{documentId}/content", Cancel);
        Assert.Equal("Nothing of this may go.", await download.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(before.Order(), (await stores.NamingAsync(documentId, Cancel)).Order());
        Assert.True(await stores.Redis.GetDatabase().KeyExistsAsync(ProgressKeys.Case(caseId)));
    }

    [Fact]
    public async Task A_deletion_cut_off_after_its_commit_is_cleaned_up_by_the_workers_and_cleaning_again_changes_nothing()
    {
        await using var stores = await AppStores.OpenAsync(fixture, Cancel);
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var (caseId, documents) = await client.CreateCaseWithReadyDocumentsAsync("Cut off", Cancel, ("gone.txt", new StringContent("Deleted by a process that died at once.")));
        var documentId = documents["gone.txt"];
        var document = await stores.Db.Documents.SingleAsync(d => d.Id == documentId, Cancel);

        // The deletion as the API runs it, by a process that dies right after the commit: nothing
        // of the cleanup is done by it.
        AppStores.Deletions().DeleteDocument(stores.Db, document);
        await stores.Db.SaveChangesAsync(Cancel);

        // No user sees a half-deleted document, however far the cleanup has got.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/documents/{documentId}", Cancel)).StatusCode);
        Assert.DoesNotContain(documentId, (await client.GetFromJsonAsync<ApiService.Documents.DocumentPage>($"/api/cases/{caseId}/documents", Cancel))!.Items.Select(d => d.Id));
        await NothingLeftAsync(stores, documentId);

        // A worker that dies after cleaning up but before marking it done leaves it to the next, which runs it again.
        var cleaner = new DeletionCleaner(stores.Db, new QueuedJobs(stores.Redis), new ProgressFeed(stores.Redis, new StreamSignals(stores.Redis), Microsoft.Extensions.Options.Options.Create(new ProgressOptions())), stores.Files);
        Assert.Empty(await cleaner.CleanAsync([new DeletionCleanup(document.TenantId, caseId, CaseDeleted: false, [documentId])], Cancel));
        Assert.Empty(await stores.NamingAsync(documentId, Cancel));
    }

    [Fact]
    public async Task Deleting_a_document_while_a_worker_processes_it_leaves_nothing_once_the_job_has_ended()
    {
        await using var stores = await AppStores.OpenAsync(fixture, Cancel);
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Deleted mid-run", Cancel);
        using var upload = await client.UploadAsync(caseId, Cancel, ("vector.pdf", new ByteArrayContent(File.ReadAllBytes(TestData.CourtDocument("vector-pdf.pdf")))));
        var documentId = (await upload.Content.ReadFromJsonAsync<UploadResponse>(Cancel))!.Files.Single().Document!.Id;
        await Eventually.HoldsAsync(
            async () => (await client.GetFromJsonAsync<DocumentResponse>($"/api/documents/{documentId}", Cancel))!.Status != "queued",
            Patience,
            "a worker to take the document");

        using var deleted = await client.DeleteAsync($"/api/documents/{documentId}", Cancel);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await NothingLeftAsync(stores, documentId);
    }

    /// <summary>A retry waiting for its time and a dead letter naming the document, as failed attempts would leave them.</summary>
    private static async Task AddRetryAndDeadLetterAsync(ConnectionMultiplexer redis, Document document)
    {
        var job = DocumentJobs.Extract(document) with { Kind = JobKinds.Embed, Key = $"{JobKinds.Embed}:{document.Id}:{document.RunNumber}:retry", Attempt = 2 };
        var db = redis.GetDatabase();
        await db.SortedSetAddAsync(QueueKeys.Delayed(job.Kind), job.ToDelayedMember(), DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeMilliseconds());
        await db.StreamAddAsync(QueueKeys.Dead(job.Kind), [.. job.ToEntries(), new NameValueEntry("errorCode", "internal_error")]);
    }

    private static async Task NothingLeftAsync(AppStores stores, Guid id)
    {
        IReadOnlyList<string> left = [];
        await Eventually.HoldsAsync(async () => (left = await stores.NamingAsync(id, Cancel)).Count == 0, Patience, $"nothing to name {id}");
        Assert.Empty(left);
        Assert.DoesNotContain(await stores.Files.ListAsync(Cancel).ToListAsync(Cancel), f => StorageKeys.DocumentOf(f.Key) == id);
    }
}
