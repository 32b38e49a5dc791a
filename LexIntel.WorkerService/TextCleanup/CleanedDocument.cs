namespace LexIntel.WorkerService.TextCleanup;

/// <summary>
/// A document's pages without their furniture, and what the filing stamps say about it: the docket
/// number and the filing date (null when it has no stamp).
/// </summary>
public sealed record CleanedDocument(IReadOnlyList<CleanedPage> Pages, string? DocketNumber, DateOnly? FiledOn);
