namespace LexIntel.Shared.Storage;

/// <summary>
/// Where original files are kept, by opaque key (<see cref="StorageKeys"/>, never a user-supplied
/// name). A file is written in two steps so that nobody reads half of it and so that the caller can
/// look at it (type, hash, duplicates) before deciding to keep it: <see cref="StageAsync"/> streams
/// it under its final key where readers cannot see it yet, <see cref="CommitAsync"/> makes it
/// readable, <see cref="DiscardAsync"/> drops it. Every stored file carries the SHA-256 it was
/// staged with, and reading checks the bytes against the SHA-256 the caller expects.
/// </summary>
/// <remarks>
/// A process that dies between staging and committing (or discarding) leaves a staged upload
/// behind: invisible to readers and to <see cref="ListAsync"/>, found by <see cref="ListStagedAsync"/>.
/// A process that dies between committing and writing the file's document row leaves a stored file
/// no row names. Both are a reconciler's to remove, each after a grace period longer than any
/// upload takes (an upload request is cut off by the API's transfer timeout, 10 minutes by default;
/// a worker's job by its hard time limit, 11 minutes), so that it never removes a file in flight.
/// </remarks>
public interface IFileStore
{
    /// <summary>
    /// Streams <paramref name="content"/> under <paramref name="key"/>, uncommitted, in bounded
    /// memory, hashing it on the way and keeping a sample of its first and last bytes for typing;
    /// throws <see cref="FileTooLargeException"/> past <paramref name="maxBytes"/>. On any failure
    /// what was staged is dropped again.
    /// </summary>
    Task<StagedFile> StageAsync(string key, Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>
    /// Makes a staged file readable under its key, with its SHA-256. Only a key that holds no file
    /// yet can be committed to; committing the same staged file twice (a retry whose first attempt
    /// went through) succeeds, committing over other content throws <see cref="IOException"/>.
    /// </summary>
    Task CommitAsync(StagedFile staged, CancellationToken cancellationToken);

    /// <summary>Drops a staged file that is not to be kept (and the file, should its commit have gone through after all).</summary>
    Task DiscardAsync(StagedFile staged, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a stored file for reading once, front to back. Throws <see cref="FileNotFoundException"/>
    /// when the key holds no file, and <see cref="FileAlteredException"/> when the file is not the
    /// one expected: at once when its length or recorded SHA-256 differ from
    /// <paramref name="length"/> and <paramref name="sha256"/>, else from the read that would hand
    /// out its last bytes when the bytes themselves do not hash to <paramref name="sha256"/>, so
    /// that a reader never receives the whole of an altered file.
    /// </summary>
    Task<Stream> OpenReadAsync(string key, long length, string sha256, CancellationToken cancellationToken);

    /// <summary>Deletes the file under <paramref name="key"/> and anything staged there; nothing there is fine.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Every stored (committed) file, in key order, with when it was last written.</summary>
    IAsyncEnumerable<StoredFile> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Staged uploads never committed nor discarded, begun before <paramref name="stagedBefore"/>,
    /// in key order. Pass a time at least the grace period ago (see the remarks on <see cref="IFileStore"/>).
    /// </summary>
    IAsyncEnumerable<StagedUpload> ListStagedAsync(DateTimeOffset stagedBefore, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a staged upload found by <see cref="ListStagedAsync"/>, unless its key holds a
    /// stored file by now (then it returns false and leaves it alone).
    /// </summary>
    Task<bool> DeleteStagedAsync(string key, CancellationToken cancellationToken);
}
