using Aspire.Hosting.Testing;
using LexIntel.Shared.Data;
using LexIntel.Shared.Deletion;
using LexIntel.Shared.Pipeline;
using LexIntel.Shared.Queue;
using LexIntel.Shared.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LexIntel.Tests.EndToEnd;

/// <summary>
/// The shared app's three stores opened as its services open them (PostgreSQL, Redis, the blob
/// store), and a walk through all three for anything naming an id.
/// </summary>
internal sealed class AppStores : IAsyncDisposable
{
    private AppStores(string databaseConnectionString, LexIntelDbContext db, ConnectionMultiplexer redis, IFileStore files)
    {
        DatabaseConnectionString = databaseConnectionString;
        Db = db;
        Redis = redis;
        Files = files;
    }

    /// <summary>With its password, which an opened connection no longer shows.</summary>
    public string DatabaseConnectionString { get; }

    public LexIntelDbContext Db { get; }

    public ConnectionMultiplexer Redis { get; }

    public IFileStore Files { get; }

    public static async Task<AppStores> OpenAsync(LexIntelAppFixture fixture, CancellationToken cancellationToken)
    {
        var connectionString = (await fixture.App.GetConnectionStringAsync(LexIntelDbContext.ConnectionName, cancellationToken))!;
        var db = new LexIntelDbContext(new DbContextOptionsBuilder<LexIntelDbContext>().UseNpgsql(connectionString, o => o.UseVector()).Options);
        var redis = await ConnectionMultiplexer.ConnectAsync((await fixture.App.GetConnectionStringAsync(RedisServiceCollectionExtensions.ConnectionName, cancellationToken))!);
        var files = new BlobFileStore(await fixture.OpenBlobContainerAsync(), Options.Create(new StorageOptions()), NullLogger<BlobFileStore>.Instance);
        return new AppStores(connectionString, db, redis, files);
    }

    /// <summary>
    /// Everything that names <paramref name="id"/> (a document or a case): rows, cleanups and jobs
    /// in the outbox, stored files, Redis keys (found by SCAN), and entries of the job streams,
    /// delayed retries and dead letters. The audit log is left out: it keeps who deleted what.
    /// </summary>
    public async Task<IReadOnlyList<string>> NamingAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        var db = Db;
        db.ChangeTracker.Clear();
        if (await db.Cases.AnyAsync(c => c.Id == id, cancellationToken))
        {
            found.Add("case row");
        }

        if (await db.Documents.AnyAsync(d => d.Id == id || d.CaseId == id, cancellationToken))
        {
            found.Add("document row");
        }

        if (await db.DocumentChunks.AnyAsync(c => c.DocumentId == id, cancellationToken) || await db.Citations.AnyAsync(c => c.DocumentId == id, cancellationToken))
        {
            found.Add("chunk or citation rows");
        }

        if (await db.DocumentPages.AnyAsync(p => p.DocumentId == id, cancellationToken))
        {
            found.Add("page rows");
        }

        var outbox = await db.OutboxMessages.AsNoTracking().Where(m => m.DispatchedAt == null).Select(m => new { m.Kind, m.Payload }).ToListAsync(cancellationToken);
        found.AddRange(outbox.Where(m => m.Payload.Contains(id.ToString(), StringComparison.Ordinal)).Select(m => $"outbox {m.Kind} not done"));

        await foreach (var file in Files.ListAsync(cancellationToken))
        {
            if (file.Key.Contains(id.ToString("N"), StringComparison.Ordinal))
            {
                found.Add($"stored file {file.Key}");
            }
        }

        var server = Redis.GetServer(Redis.GetEndPoints()[0]);
        foreach (var pattern in new[] { $"*{id}*", $"*{id:N}*" })
        {
            await foreach (var key in server.KeysAsync(pattern: pattern).WithCancellation(cancellationToken))
            {
                found.Add($"redis key {key}");
            }
        }

        var redis = Redis.GetDatabase();
        foreach (var kind in DocumentPipeline.JobKinds)
        {
            foreach (var stream in new[] { QueueKeys.Stream(kind), QueueKeys.Dead(kind) })
            {
                found.AddRange((await redis.StreamRangeAsync(stream)).Where(e => e.Values.Any(v => v.Value.ToString() == id.ToString())).Select(e => $"{stream} entry {e.Id}"));
            }

            found.AddRange((await redis.SortedSetRangeByRankAsync(QueueKeys.Delayed(kind))).Where(m => m.ToString().Contains(id.ToString(), StringComparison.Ordinal)).Select(_ => $"{QueueKeys.Delayed(kind)} member"));
        }

        return found;
    }

    /// <summary>Deletions as the API writes them.</summary>
    public static Deletions Deletions() => new(new Shared.Queue.Outbox.OutboxWriter(new Shared.Queue.Outbox.OutboxSignal(), TimeProvider.System));

    public async ValueTask DisposeAsync()
    {
        await Db.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
