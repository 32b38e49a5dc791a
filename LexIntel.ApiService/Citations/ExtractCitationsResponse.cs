namespace LexIntel.ApiService.Citations;

public sealed record ExtractCitationsResponse(int Count, IReadOnlyList<ExtractedCitation> Citations);
