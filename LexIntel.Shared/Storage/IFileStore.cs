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

    Task DeleteAsync(string key);
}
