using System.Security.Cryptography;
using Azure.Storage.Blobs;
using LexIntel.Shared.Storage;
using LexIntel.Tests.Infrastructure;
using LexIntel.WorkerService.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LexIntel.Tests.Integration.Storage;

/// <summary>Originals an earlier version kept on local disk move into the blob store once, and a move cut short resumes.</summary>
[Collection(AzuriteCollection.Name)]
[Tier(TestTier.Integration)]
public sealed class LocalFilesMigrationTests(AzuriteServer azurite) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("lexintel-files-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string NewKey() => StorageKeys.ForDocument(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

    private string Write(string relativePath, byte[] bytes)
    {
        var path = Path.Combine(folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private LocalFilesMigration MigrationInto(BlobContainerClient container, out BlobFileStore store)
    {
        var options = Options.Create(new StorageOptions { MigrateFrom = folder });
        store = new BlobFileStore(container, options, NullLogger<BlobFileStore>.Instance);
        return new LocalFilesMigration(store, options, NullLogger<LocalFilesMigration>.Instance);
    }

    [Fact]
    public async Task Every_original_is_moved_once_and_the_emptied_folder_removed()
    {
        var container = await azurite.CreateContainerAsync();
        var migration = MigrationInto(container, out var store);
        var originals = Enumerable.Range(0, 3).ToDictionary(_ => NewKey(), i => RandomNumberGenerator.GetBytes(1000 + i));
        foreach (var (key, bytes) in originals)
        {
            Write(key, bytes);
        }

        // The old store's scratch file of an upload that never finished is not an original.
        Write(".incoming/0f0e0d0c", [1, 2, 3]);

        await migration.MoveAsync(Cancel);

        Assert.False(Directory.Exists(folder), "the emptied folder is still there");
        Assert.Equal(originals.Keys.Order(StringComparer.Ordinal), await store.ListAsync(Cancel).Select(f => f.Key).ToListAsync(Cancel));
        foreach (var (key, bytes) in originals)
        {
            await using var read = await store.OpenReadAsync(key, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), Cancel);
            using var copy = new MemoryStream();
            await read.CopyToAsync(copy, Cancel);
            Assert.Equal(bytes, copy.ToArray());
        }

        await migration.MoveAsync(Cancel);
        Assert.Equal(originals.Count, await store.ListAsync(Cancel).CountAsync(Cancel));
    }

    [Fact]
    public async Task A_move_cut_short_after_a_commit_resumes_and_other_bytes_under_a_key_are_left_alone()
    {
        var container = await azurite.CreateContainerAsync();
        var migration = MigrationInto(container, out var store);

        // Committed by a run that stopped before deleting the local file.
        var resumedKey = NewKey();
        var resumed = Write(resumedKey, "moved before the crash"u8.ToArray());
        await using (var file = File.OpenRead(resumed))
        {
            await store.CommitAsync(await store.StageAsync(resumedKey, file, long.MaxValue, Cancel), Cancel);
        }

        // The store holds other bytes under this key: which copy is right is for a person to say.
        var conflictKey = NewKey();
        var conflicting = Write(conflictKey, "the local copy"u8.ToArray());
        await store.CommitAsync(await store.StageAsync(conflictKey, new MemoryStream("the stored copy"u8.ToArray()), long.MaxValue, Cancel), Cancel);

        // Not named like an original: left where it is.
        var stray = Write("notes.txt", "someone's notes"u8.ToArray());

        await migration.MoveAsync(Cancel);

        Assert.False(File.Exists(resumed));
        Assert.True(File.Exists(conflicting));
        Assert.True(File.Exists(stray));
        Assert.Equal(
            new[] { resumedKey, conflictKey }.Order(StringComparer.Ordinal),
            await store.ListAsync(Cancel).Select(f => f.Key).ToListAsync(Cancel));
        Assert.Empty(await store.ListStagedAsync(DateTimeOffset.UtcNow.AddMinutes(1), Cancel).ToListAsync(Cancel));
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
