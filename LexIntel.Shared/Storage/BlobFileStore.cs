using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LexIntel.Shared.Storage;

/// <summary>
/// Originals as block blobs in one container (Azure Blob Storage, or Azurite on the embedded
/// default), the blob's name being the storage key. Staging uploads the file's blocks to its final
/// blob without committing them, which readers and listings do not see; committing lists the
/// blocks (only where no blob exists yet), discarding deletes them. The SHA-256 goes into the
/// blob's metadata at commit and is checked against the caller's on every read.
/// </summary>
public sealed partial class BlobFileStore(BlobContainerClient container, IOptions<StorageOptions> options, ILogger<BlobFileStore> logger) : IFileStore
{
    /// <summary>The blob metadata entry holding the hex SHA-256 of the content.</summary>
    public const string Sha256Metadata = "sha256";

    /// <summary>Uploads at once whose blocks the pool keeps for the next ones; beyond that, blocks are allocated and dropped.</summary>
    private const int PooledUploads = 2;

    /// <summary>
    /// Block buffers of this store's own: the shared pool keeps an array per thread besides its
    /// per-core stacks, so blocks returned on one thread pool thread and rented on another pile
    /// up, one per thread; this one keeps at most two uploads' worth.
    /// </summary>
    private readonly ArrayPool<byte> blockPool = ArrayPool<byte>.Create(options.Value.BlockSize, PooledUploads * (options.Value.MaxConcurrentBlocks + 1));

    public async Task<StagedFile> StageAsync(string key, Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var blob = BlockBlob(key);
        var blockSize = options.Value.BlockSize;
        var maxInFlight = options.Value.MaxConcurrentBlocks;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var sampler = new ContentSampler();
        var inFlight = new Queue<(Task Upload, byte[] Buffer)>();
        long length = 0;
        var blocks = 0;
        try
        {
            while (true)
            {
                // Blocks go out while the next one is read, so reading the request and writing the
                // store overlap; at most maxInFlight + 1 blocks are held, whatever the file's size.
                var buffer = blockPool.Rent(blockSize);
                int read;
                try
                {
                    read = await content.ReadAtLeastAsync(buffer.AsMemory(0, blockSize), blockSize, throwOnEndOfStream: false, cancellationToken);
                    length += read;
                    if (length > maxBytes)
                    {
                        throw new FileTooLargeException(maxBytes);
                    }
                }
                catch
                {
                    blockPool.Return(buffer);
                    throw;
                }

                if (read == 0)
                {
                    blockPool.Return(buffer);
                    break;
                }

                hash.AppendData(buffer, 0, read);
                sampler.Append(buffer.AsSpan(0, read));
                if (inFlight.Count == maxInFlight)
                {
                    await CompleteOldestAsync(inFlight);
                }

                inFlight.Enqueue((blob.StageBlockAsync(BlockId(blocks++), new MemoryStream(buffer, 0, read, writable: false), options: null, cancellationToken), buffer));
                if (read < blockSize)
                {
                    break;
                }
            }

            while (inFlight.Count > 0)
            {
                await CompleteOldestAsync(inFlight);
            }
        }
        catch
        {
            await AbandonAsync(inFlight);

            // Nothing staged may outlive a failed staging: a retry or the client sends it anew.
            await DeleteQuietlyAsync(blob);
            throw;
        }

        return new StagedFile(key, length, Convert.ToHexStringLower(hash.GetHashAndReset()), sampler.ToSample()) { BlockCount = blocks };
    }

    public async Task CommitAsync(StagedFile staged, CancellationToken cancellationToken)
    {
        var blob = BlockBlob(staged.Key);
        var commit = new CommitBlockListOptions
        {
            Metadata = new Dictionary<string, string> { [Sha256Metadata] = staged.Sha256 },

            // Only where no blob is yet: a committed original is never replaced.
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        };
        try
        {
            await blob.CommitBlockListAsync(Enumerable.Range(0, staged.BlockCount).Select(BlockId), commit, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.BlobAlreadyExists)
        {
            // A retried commit whose first attempt went through finds its own file there.
            var existing = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
            if (existing.Value.ContentLength != staged.Length || !HasSha256(existing.Value.Metadata, staged.Sha256))
            {
                throw new IOException($"The key {staged.Key} already holds another file.", ex);
            }
        }
    }

    public async Task DiscardAsync(StagedFile staged, CancellationToken cancellationToken) =>
        await BlockBlob(staged.Key).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);

    public async Task<Stream> OpenReadAsync(string key, long length, string sha256, CancellationToken cancellationToken)
    {
        BlobDownloadStreamingResult download;
        try
        {
            download = await BlockBlob(key).DownloadStreamingAsync(cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new FileNotFoundException($"No file is stored under {key}.", ex);
        }

        // A blob written other than by a commit (overwritten by hand, say) carries no SHA-256 or
        // another one, and is refused before a byte is read; bytes changed behind an intact
        // record are caught by the hash at the end.
        if (download.Details.ContentLength != length || !HasSha256(download.Details.Metadata, sha256))
        {
            download.Dispose();
            throw new FileAlteredException(key);
        }

        return new Sha256VerifyingStream(download.Content, length, sha256, key);
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken) =>
        await BlockBlob(key).DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: cancellationToken);

    public async IAsyncEnumerable<StoredFile> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: null, cancellationToken))
        {
            if (StorageKeys.IsValid(item.Name))
            {
                yield return new StoredFile(item.Name, item.Properties.ContentLength ?? 0, item.Properties.LastModified ?? DateTimeOffset.MinValue);
            }
        }
    }

    public async IAsyncEnumerable<StagedUpload> ListStagedAsync(DateTimeOffset stagedBefore, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A listing with uncommitted blobs holds the committed ones too, and nothing marks which is
        // which; both listings come in name order, so walking the committed one alongside leaves
        // the blobs that have nothing but staged blocks.
        await using var committed = container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix: null, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var more = await committed.MoveNextAsync();
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.Uncommitted, prefix: null, cancellationToken))
        {
            while (more && string.CompareOrdinal(committed.Current.Name, item.Name) < 0)
            {
                more = await committed.MoveNextAsync();
            }

            var isCommitted = more && committed.Current.Name == item.Name;
            var startedAt = item.Properties.CreatedOn ?? item.Properties.LastModified ?? DateTimeOffset.MaxValue;
            if (!isCommitted && startedAt < stagedBefore && StorageKeys.IsValid(item.Name))
            {
                yield return new StagedUpload(item.Name, startedAt);
            }
        }
    }

    public async Task<bool> DeleteStagedAsync(string key, CancellationToken cancellationToken)
    {
        // Between listing and deleting, a staged upload can only have been committed if it took
        // longer than the grace period, which no upload is allowed to; the check is for that case.
        var blob = BlockBlob(key);
        if ((await blob.ExistsAsync(cancellationToken)).Value)
        {
            return false;
        }

        return (await blob.DeleteIfExistsAsync(cancellationToken: cancellationToken)).Value;
    }

    private BlockBlobClient BlockBlob(string key) =>
        StorageKeys.IsValid(key)
            ? container.GetBlockBlobClient(key)
            : throw new ArgumentException($"'{key}' is not a storage key.", nameof(key));

    /// <summary>Block ids must all have the same length within a blob; a file's n-th block always has the same id.</summary>
    private static string BlockId(int index) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(index.ToString("D6", CultureInfo.InvariantCulture)));

    private static bool HasSha256(IDictionary<string, string> metadata, string sha256) =>
        metadata.TryGetValue(Sha256Metadata, out var stored) && string.Equals(stored, sha256, StringComparison.OrdinalIgnoreCase);

    private async Task CompleteOldestAsync(Queue<(Task Upload, byte[] Buffer)> inFlight)
    {
        var (upload, buffer) = inFlight.Peek();
        await upload;
        inFlight.Dequeue();
        blockPool.Return(buffer);
    }

    /// <summary>Waits out the blocks still being sent before their buffers go back to the pool; their own failures no longer matter.</summary>
    private async Task AbandonAsync(Queue<(Task Upload, byte[] Buffer)> inFlight)
    {
        while (inFlight.TryDequeue(out var pending))
        {
            try
            {
                await pending.Upload;
            }
            catch (Exception ex) when (ex is RequestFailedException or AggregateException or OperationCanceledException or IOException)
            {
                // The staging failed already; this block's outcome changes nothing.
            }

            blockPool.Return(pending.Buffer);
        }
    }

    private async Task DeleteQuietlyAsync(BlockBlobClient blob)
    {
        try
        {
            // Not the caller's token: a cancelled upload is exactly the one to clean up after.
            await blob.DeleteIfExistsAsync(cancellationToken: CancellationToken.None);
        }
        catch (Exception ex) when (ex is RequestFailedException or AggregateException or IOException)
        {
            LogStagedLeftBehind(ex, blob.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not drop the blocks staged under {Key}; they stay until a reconciler removes abandoned staged uploads")]
    private partial void LogStagedLeftBehind(Exception exception, string key);
}
