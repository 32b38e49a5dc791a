namespace LexIntel.WorkerService.Extraction;

/// <summary>A file carried inside another (an e-mail attachment), to be ingested as a document of its own.</summary>
public sealed record ExtractedAttachment(string FileName, byte[] Content);
