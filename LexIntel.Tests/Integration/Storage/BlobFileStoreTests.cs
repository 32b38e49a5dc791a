using System.Security.Cryptography;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using LexIntel.Shared.Storage;
using LexIntel.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LexIntel.Tests.Integration.Storage;

[Collection(AzuriteCollection.Name)]
[Tier(TestTier.Integration)]
public sealed class BlobFileStoreTests(AzuriteServer azurite)
{
    /// <summary>Small blocks, so that a file of a few hundred kilobytes is staged in several, some of them at once.</summary>
    private const int BlockSize = 64 * 1024;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string NewKey() => StorageKeys.ForDocument(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

    private static BlobFileStore StoreFor(BlobContainerClient container) =>
        new(container, Options.Create(new StorageOptions { BlockSize = BlockSize, MaxConcurrentBlocks = 2 }), NullLogger<BlobFileStore>.Instance);

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Cancel);
        return copy.ToArray();
    }

    [Fact]
    public async Task A_file_of_many_blocks_is_stored_under_its_key_and_read_back_whole_and_checked()
    {
        var container = await azurite.CreateContainerAsync();
        var store = StoreFor(container);
        var key = NewKey();
        var bytes = RandomNumberGenerator.GetBytes((5 * BlockSize) + 1234);

        var staged = await store.StageAsync(key, new MemoryStream(bytes), maxBytes: bytes.Length, Cancel);
        await store.CommitAsync(staged, Cancel);

        Assert.Equal(key, staged.Key);
        Assert.Equal(bytes.Length, staged.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), staged.Sha256);
        await using (var read = await store.OpenReadAsync(key, staged.Length, staged.Sha256, Cancel))
        {
            Assert.Equal(bytes, await ReadAllAsync(read));
        }

        var properties = (await container.GetBlobClient(key).GetPropertiesAsync(cancellationToken: Cancel)).Value;
        Assert.Equal(staged.Sha256, properties.Metadata[BlobFileStore.Sha256Metadata]);
        var listed = Assert.Single(await store.ListAsync(Cancel).ToListAsync(Cancel));
        Assert.Equal((key, (long)bytes.Length), (listed.Key, listed.Length));
        Assert.InRange(listed.LastModified, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(5));
    }

    [Fact]
    public async Task A_staged_file_is_invisible_until_committed_and_found_as_an_abandoned_upload_until_deleted()
    {
        var container = await azurite.CreateContainerAsync();
        var store = StoreFor(container);
        var abandoned = NewKey();
        var committed = NewKey();
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        await store.StageAsync(abandoned, new MemoryStream(RandomNumberGenerator.GetBytes(3 * BlockSize)), long.MaxValue, Cancel);
        await store.CommitAsync(await store.StageAsync(committed, new MemoryStream("kept"u8.ToArray()), long.MaxValue, Cancel), Cancel);

        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync(abandoned, 3 * BlockSize, new string('0', 64), Cancel));
        Assert.Equal([committed], await store.ListAsync(Cancel).Select(f => f.Key).ToListAsync(Cancel));

        // Only uploads begun before the cut-off count as abandoned: younger ones may still be in flight.
        Assert.Empty(await store.ListStagedAsync(before, Cancel).ToListAsync(Cancel));
        var found = Assert.Single(await store.ListStagedAsync(DateTimeOffset.UtcNow.AddMinutes(1), Cancel).ToListAsync(Cancel));
        Assert.Equal(abandoned, found.Key);
        Assert.InRange(found.StartedAt, before, DateTimeOffset.UtcNow.AddMinutes(1));

        Assert.False(await store.DeleteStagedAsync(committed, Cancel), "a stored file is not an abandoned upload");
        Assert.True(await store.DeleteStagedAsync(abandoned, Cancel));
        Assert.Empty(await store.ListStagedAsync(DateTimeOffset.UtcNow.AddMinutes(1), Cancel).ToListAsync(Cancel));
        Assert.Equal([committed], await store.ListAsync(Cancel).Select(f => f.Key).ToListAsync(Cancel));
    }

    [Fact]
    public async Task Discarding_or_exceeding_the_limit_leaves_nothing_staged()
    {
        var container = await azurite.CreateContainerAsync();
        var store = StoreFor(container);
        var discarded = await store.StageAsync(NewKey(), new MemoryStream(RandomNumberGenerator.GetBytes(2 * BlockSize)), long.MaxValue, Cancel);
        await store.DiscardAsync(discarded, Cancel);

        var tooLarge = await Assert.ThrowsAsync<FileTooLargeException>(
            () => store.StageAsync(NewKey(), new MemoryStream(RandomNumberGenerator.GetBytes((4 * BlockSize) + 1)), maxBytes: 4 * BlockSize, Cancel));

        Assert.Equal(4 * BlockSize, tooLarge.Limit);
        Assert.Empty(await container.GetBlobsAsync(BlobTraits.None, BlobStates.Uncommitted, prefix: null, Cancel).ToListAsync(Cancel));
    }

    [Fact]
    public async Task A_commit_may_be_repeated_but_never_replaces_another_file()
    {
        var container = await azurite.CreateContainerAsync();
        var store = StoreFor(container);
        var key = NewKey();
        var first = await store.StageAsync(key, new MemoryStream("first"u8.ToArray()), long.MaxValue, Cancel);
        await store.CommitAsync(first, Cancel);
        await store.CommitAsync(first, Cancel);

        var second = await store.StageAsync(key, new MemoryStream("second"u8.ToArray()), long.MaxValue, Cancel);
        await Assert.ThrowsAsync<IOException>(() => store.CommitAsync(second, Cancel));

        await using var read = await store.OpenReadAsync(key, first.Length, first.Sha256, Cancel);
        Assert.Equal("first"u8.ToArray(), await ReadAllAsync(read));
    }

    [Fact]
    public async Task A_blob_overwritten_behind_the_store_is_refused_before_a_byte_is_read()
    {
        var container = await azurite.CreateContainerAsync();
        var store = StoreFor(container);
        var key = NewKey();
        var staged = await store.StageAsync(key, new MemoryStream("The original brief."u8.ToArray()), long.MaxValue, Cancel);
        await store.CommitAsync(staged, Cancel);

        // Same length, other bytes, written straight through the SDK: the stored SHA-256 is gone with the old blob.
        await container.GetBlobClient(key).UploadAsync(BinaryData.FromBytes("The altered brief.."u8.ToArray()), overwrite: true, Cancel);

        var altered = await Assert.ThrowsAsync<FileAlteredException>(() => store.OpenReadAsync(key, staged.Length, staged.Sha256, Cancel));
        Assert.Equal(key, altered.Key);
    }

    [Fact]
    public async Task Bytes_altered_behind_an_intact_record_fail_the_read_that_would_hand_out_the_last_of_them()
    {
        var container = await azurite.CreateContainerAsync();
        var store = StoreFor(container);
        var key = NewKey();
        var original = RandomNumberGenerator.GetBytes(3 * BlockSize);
        var staged = await store.StageAsync(key, new MemoryStream(original), long.MaxValue, Cancel);
        await store.CommitAsync(staged, Cancel);

        // The forger keeps the length and copies the SHA-256 record; only the bytes tell.
        var forged = original.ToArray();
        forged[^1] ^= 0xFF;
        await container.GetBlobClient(key).UploadAsync(new MemoryStream(forged), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { [BlobFileStore.Sha256Metadata] = staged.Sha256 },
        }, Cancel);

        await using var read = await store.OpenReadAsync(key, staged.Length, staged.Sha256, Cancel);
        var buffer = new byte[1024];
        long delivered = 0;
        await Assert.ThrowsAsync<FileAlteredException>(async () =>
        {
            int n;
            while ((n = await read.ReadAsync(buffer, Cancel)) > 0)
            {
                delivered += n;
            }
        });
        Assert.True(delivered < original.Length, $"all {delivered} bytes of the altered file were handed out");
    }

    [Fact]
    public async Task A_missing_file_reads_as_not_found_and_a_key_of_another_shape_is_refused()
    {
        var store = StoreFor(await azurite.CreateContainerAsync());

        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync(NewKey(), 1, new string('0', 64), Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => store.StageAsync("../../etc/passwd", new MemoryStream([1]), 10, Cancel));
        await Assert.ThrowsAsync<ArgumentException>(() => store.DeleteAsync("tenant/case/brief.pdf", Cancel));
    }

    [Fact]
    public async Task Deleting_removes_the_file_and_deleting_nothing_is_fine()
    {
        var store = StoreFor(await azurite.CreateContainerAsync());
        var key = NewKey();
        var staged = await store.StageAsync(key, new MemoryStream("gone soon"u8.ToArray()), long.MaxValue, Cancel);
        await store.CommitAsync(staged, Cancel);

        await store.DeleteAsync(key, Cancel);
        await store.DeleteAsync(key, Cancel);

        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync(key, staged.Length, staged.Sha256, Cancel));
        Assert.Empty(await store.ListAsync(Cancel).ToListAsync(Cancel));
    }
}
