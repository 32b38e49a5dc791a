using System.IO.Enumeration;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace LexIntel.Shared.Storage;

/// <summary>A folder on local disk or a mounted volume. Staging and storing stay on one file system, so commit is a rename.</summary>
public sealed class LocalFileStore : IFileStore
{
    private const int BufferSize = 81920;
    private readonly string root;
    private readonly string incoming;

    public LocalFileStore(IOptions<StorageOptions> options)
    {
        // Without a trailing separator, so that the staging folder is recognised while listing.
        root = Path.TrimEndingDirectorySeparator(options.Value.ResolveRootPath());
        incoming = Path.Combine(root, ".incoming");
        Directory.CreateDirectory(incoming);
    }

    public async Task<StagedFile> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var path = Path.Combine(incoming, Guid.NewGuid().ToString("N"));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        try
        {
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                var buffer = new byte[BufferSize];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    length += read;
                    if (length > maxBytes)
                    {
                        throw new FileTooLargeException(maxBytes);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            return new StagedFile(path, length, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch
        {
            File.Delete(path);
            throw;
        }
    }

    public Task CommitAsync(StagedFile staged, string key, CancellationToken cancellationToken)
    {
        var target = PathFor(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(staged.Path, target, overwrite: true);
        return Task.CompletedTask;
    }

    public Task DiscardAsync(StagedFile staged)
    {
        File.Delete(staged.Path);
        return Task.CompletedTask;
    }

    public Stream OpenRead(string key) =>
        new FileStream(PathFor(key), FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true);

    public Task DeleteAsync(string key)
    {
        var path = PathFor(key);
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Its folder is gone too: so is the file, which is all a delete asks.
        }

        return Task.CompletedTask;
    }

    public IAsyncEnumerable<StoredFile> ListAsync(CancellationToken cancellationToken) => ListStored(cancellationToken).ToAsyncEnumerable();

    public Task<int> DeleteAbandonedStagedAsync(DateTimeOffset lastWrittenBefore, CancellationToken cancellationToken)
    {
        var abandoned = new FileSystemEnumerable<string>(incoming, (ref entry) => entry.ToFullPath(), new EnumerationOptions { AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref entry) => !entry.IsDirectory && entry.LastWriteTimeUtc < lastWrittenBefore,
        };
        var deleted = 0;
        foreach (var path in abandoned)
        {
            cancellationToken.ThrowIfCancellationRequested();
            File.Delete(path);
            deleted++;
        }

        return Task.FromResult(deleted);
    }

    private IEnumerable<StoredFile> ListStored(CancellationToken cancellationToken)
    {
        var files = new FileSystemEnumerable<StoredFile>(
            root,
            (ref entry) => new StoredFile(Path.GetRelativePath(root, entry.ToFullPath()).Replace(Path.DirectorySeparatorChar, '/'), entry.LastWriteTimeUtc),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
        {
            ShouldIncludePredicate = (ref entry) => !entry.IsDirectory,

            // Staged uploads are not stored files: they have no key yet.
            ShouldRecursePredicate = (ref entry) => !string.Equals(entry.ToFullPath(), incoming, StringComparison.Ordinal),
        };
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return file;
        }
    }

    /// <summary>Keys are ours (<see cref="StorageKeys"/>); anything else is refused rather than resolved.</summary>
    private string PathFor(string key)
    {
        if (!StorageKeys.IsContained(key))
        {
            throw new ArgumentException($"'{key}' is not a storage key.", nameof(key));
        }

        return Path.Combine(root, key);
    }
}
