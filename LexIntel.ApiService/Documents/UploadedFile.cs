namespace LexIntel.ApiService.Documents;

/// <summary>
/// What became of one file of an upload: <c>created</c>, <c>duplicate</c> (the same bytes are
/// already in the case: <see cref="Document"/> is the existing one) or <c>rejected</c> (see
/// <see cref="Error"/>).
/// </summary>
public sealed record UploadedFile(string FileName, string Outcome, DocumentResponse? Document, UploadError? Error);

public sealed record UploadError(int Status, string Title, string Detail);

public sealed record UploadResponse(IReadOnlyList<UploadedFile> Files);
