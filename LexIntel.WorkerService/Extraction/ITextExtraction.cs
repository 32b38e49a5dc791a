namespace LexIntel.WorkerService.Extraction;

/// <summary>
/// Where an untrusted file is parsed: in a sandbox process (the default) or in the worker itself.
/// Throws <c>PermanentJobException</c> for files no retry can read.
/// </summary>
public interface ITextExtraction
{
    /// <param name="file">A local copy of the file, readable by other processes until it is closed.</param>
    Task<ExtractedDocument> ExtractAsync(string contentType, FileStream file, CancellationToken cancellationToken);
}
