namespace LexIntel.Shared.Storage;

/// <summary>
/// A stored file is not what was stored: its length or SHA-256 differ from the document's. It was
/// altered or damaged in storage; reading it again gives the same answer.
/// </summary>
public sealed class FileAlteredException(string key)
    : IOException($"The stored file {key} does not match the SHA-256 it was stored with: it was altered or damaged in storage.")
{
    public string Key { get; } = key;
}
