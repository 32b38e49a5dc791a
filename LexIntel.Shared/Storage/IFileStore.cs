namespace LexIntel.Shared.Storage;

/// <summary>Where original files are kept, by opaque key (never a user-supplied name).</summary>
public interface IFileStore
{
    /// <summary>
    /// Streams <paramref name="content"/> to a scratch file in constant memory, hashing it on the way;
    /// throws <see cref="FileTooLargeException"/> past <paramref name="maxBytes"/>.
    /// </summary>
    Task<StagedFile> StageAsync(Stream content, long maxBytes, CancellationToken cancellationToken);

    /// <summary>Moves a staged file to <paramref name="key"/>.</summary>
    Task CommitAsync(StagedFile staged, string key, CancellationToken cancellationToken);

    Task DiscardAsync(StagedFile staged);

    /// <summary>Opens a stored file for reading; throws <see cref="FileNotFoundException"/> when it is gone.</summary>
    Stream OpenRead(string key);

    /// <summary>Deletes the file at <paramref name="key"/>; nothing happens when there is none.</summary>
    Task DeleteAsync(string key);

    /// <summary>
    /// Every stored (committed) file, in no particular order; staged uploads are not listed. For
    /// the reconciler, which removes files that no document owns.
    /// </summary>
    IAsyncEnumerable<StoredFile> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes staged uploads last written before <paramref name="lastWrittenBefore"/>: never
    /// committed nor discarded, because the process writing them died or the upload broke off.
    /// Returns how many were deleted.
    /// </summary>
    Task<int> DeleteAbandonedStagedAsync(DateTimeOffset lastWrittenBefore, CancellationToken cancellationToken);
}
