namespace LexIntel.WorkerService.TextCleanup;

/// <summary>A court's electronic filing stamp found on a page: its text, the docket number and the filing date it carries.</summary>
public sealed record FilingStamp(string Text, string DocketNumber, DateOnly? FiledOn);
