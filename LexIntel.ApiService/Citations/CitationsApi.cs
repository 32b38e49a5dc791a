using LexIntel.ApiService.Cases;
using LexIntel.ApiService.Documents;
using LexIntel.ApiService.Limits;
using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Citations;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.ApiService.Citations;

public static class CitationsApi
{
    public const int MaxExtractCharacters = 2_000_000;
    public const int MaxAuthorityQueryLength = 500;

    public static IEndpointRouteBuilder MapCitationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api")
            .WithTags("Citations")
            .RequireTenant();
        var cases = api.MapCaseGroup();

        api.MapGet("/documents/{documentId:guid}/citations", GetDocumentCitations)
            .WithName(nameof(GetDocumentCitations))
            .WithSummary("A document's citations, grouped by authority")
            .WithDescription("Each authority the document cites (normalized, so variant spellings and short forms count together), how often, on which pages, and every occurrence as written.");

        cases.MapGet("/citations", GetCaseAuthorities)
            .WithName(nameof(GetCaseAuthorities))
            .WithSummary("The case's table of authorities")
            .WithDescription("Every authority cited in the case's documents (cases, then statutes, regulations, court rules, journals), with how many citations and documents cite it and where.");

        cases.MapGet("/citations/search", FindCitingDocuments)
            .WithName(nameof(FindCitingDocuments))
            .WithSummary("Documents citing an authority")
            .WithDescription("`q` is a citation written any way the extractor recognizes (`410 U. S. 113`, `42 USC 1983`); answers the case's documents that cite it, with counts and pages.");

        api.MapPost("/citations/extract", ExtractCitations)
            .WithName(nameof(ExtractCitations))
            .WithSummary("Find citations in posted text")
            .WithDescription("Nothing is stored. Form feeds separate pages. Every citation with its kind, span, page and parts.")
            .WithRateLimit(RateLimitPolicies.CitationExtraction);

        return app;
    }

    public static async Task<Results<Ok<DocumentCitationsResponse>, ProblemHttpResult>> GetDocumentCitations(
        Guid documentId,
        LexIntelDbContext db,
        TenantContext tenant,
        CancellationToken cancellationToken)
    {
        var document = await db.Documents.AsNoTracking()
            .Where(d => d.Id == documentId && d.TenantId == tenant.TenantId)
            .Select(d => new { d.Id, d.OriginalFileName })
            .SingleOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            return DocumentsApi.DocumentNotFound(documentId);
        }

        var citations = await db.Citations.AsNoTracking()
            .Where(c => c.DocumentId == documentId)
            .OrderBy(c => c.SpanStart)
            .ToListAsync(cancellationToken);

        var authorities = citations
            .GroupBy(c => c.Normalized, StringComparer.Ordinal)
            .Select(g =>
            {
                var full = FullForm(g);
                return new DocumentAuthority(
                    g.Key,
                    AuthorityKind(g),
                    full.CaseName,
                    full.Court,
                    full.Year,
                    g.Count(),
                    IsUnresolved(g),
                    Pages(g),
                    [.. g.Select(c => new CitationOccurrence(c.Kind, c.RawText, c.PageNumber, c.Pin, c.SpanStart, c.SpanEnd, c.ChunkId))]);
            })
            .OrderByDescending(a => a.Count)
            .ThenBy(a => a.Normalized, StringComparer.Ordinal)
            .ToList();

        return TypedResults.Ok(new DocumentCitationsResponse(document.Id, document.OriginalFileName, citations.Count, authorities));
    }

    public static async Task<Ok<CaseAuthoritiesResponse>> GetCaseAuthorities(
        Guid caseId,
        LexIntelDbContext db,
        TenantContext tenant,
        CancellationToken cancellationToken)
    {
        var rows = await CaseCitations(db, caseId, tenant.TenantId).ToListAsync(cancellationToken);
        var authorities = rows
            .GroupBy(r => r.Citation.Normalized, StringComparer.Ordinal)
            .Select(g =>
            {
                var full = FullForm(g.Select(r => r.Citation));
                var citedIn = CitedIn(g);
                return new CaseAuthority(g.Key, AuthorityKind(g.Select(r => r.Citation)), full.CaseName, full.Court, full.Year, g.Count(), citedIn.Count, IsUnresolved(g.Select(r => r.Citation)), citedIn);
            })
            .OrderBy(a => TableSection(a.Kind))
            .ThenBy(a => a.CaseName ?? a.Normalized, StringComparer.OrdinalIgnoreCase)
            .ThenBy(a => a.Normalized, StringComparer.Ordinal)
            .ToList();

        return TypedResults.Ok(new CaseAuthoritiesResponse(caseId, rows.Count, authorities));
    }

    public static async Task<Results<Ok<CitingDocumentsResponse>, ValidationProblem>> FindCitingDocuments(
        Guid caseId,
        string? q,
        LexIntelDbContext db,
        TenantContext tenant,
        ICitationExtractor extractor,
        CancellationToken cancellationToken)
    {
        var query = q?.Trim() ?? string.Empty;
        if (query.Length is 0 or > MaxAuthorityQueryLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["q"] = [$"q must be a citation of 1 to {MaxAuthorityQueryLength} characters, e.g. 410 U.S. 113 or 42 U.S.C. § 1983."],
            });
        }

        if (extractor.Extract(query) is not [var authority, ..])
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["q"] = [$"No citation recognized in '{query}'. Write it as a reporter, code or rule citation, e.g. 410 U.S. 113, 42 U.S.C. § 1983, Fed. R. Civ. P. 12(b)(6)."],
            });
        }

        var rows = await CaseCitations(db, caseId, tenant.TenantId, authority.Normalized).ToListAsync(cancellationToken);

        return TypedResults.Ok(new CitingDocumentsResponse(query, authority.Normalized, CitedIn(rows)));
    }

    public static Results<Ok<ExtractCitationsResponse>, ValidationProblem> ExtractCitations(ExtractCitationsRequest request, ICitationExtractor extractor)
    {
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > MaxExtractCharacters)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["text"] = [request.Text is null or { Length: <= MaxExtractCharacters }
                    ? "text is required: the text to find citations in."
                    : $"text is {request.Text.Length:N0} characters long; at most {MaxExtractCharacters:N0} are accepted at once."],
            });
        }

        var pageStarts = PageStarts(request.Text);
        var citations = extractor.Extract(request.Text)
            .Select(c => ExtractedCitation.From(c, PageAt(pageStarts, c.Start)))
            .ToList();
        return TypedResults.Ok(new ExtractCitationsResponse(citations.Count, citations));
    }

    private static IQueryable<CaseCitationRow> CaseCitations(LexIntelDbContext db, Guid caseId, Guid tenantId, string? normalized = null)
    {
        var citations = db.Citations.AsNoTracking().Where(c => c.Document!.CaseId == caseId && c.Document.TenantId == tenantId);
        if (normalized is not null)
        {
            citations = citations.Where(c => c.Normalized == normalized);
        }

        return citations.Select(c => new CaseCitationRow(c, c.Document!.OriginalFileName));
    }

    private static List<CitingDocument> CitedIn(IEnumerable<CaseCitationRow> rows) =>
        [.. rows
            .GroupBy(r => r.Citation.DocumentId)
            .Select(d => new CitingDocument(d.Key, d.First().DocumentName, d.Count(), Pages(d.Select(r => r.Citation))))
            .OrderByDescending(d => d.Count)
            .ThenBy(d => d.DocumentName, StringComparer.OrdinalIgnoreCase)];

    /// <summary>The citations written in full carry the name, court and year; short forms repeat them.</summary>
    private static Citation FullForm(IEnumerable<Citation> citations)
    {
        Citation? first = null;
        foreach (var citation in citations)
        {
            first ??= citation;
            if (!IsShortForm(citation.Kind) && citation.CaseName is not null)
            {
                return citation;
            }
        }

        return first!;
    }

    /// <summary>The kind of the citations written in full; an authority cited only as "Id. § 1292" is a statute.</summary>
    private static CitationKind AuthorityKind(IEnumerable<Citation> citations)
    {
        var shortForm = CitationKind.Case;
        foreach (var citation in citations)
        {
            if (!IsShortForm(citation.Kind))
            {
                return citation.Kind;
            }

            shortForm = citation.Section is null ? CitationKind.Case : CitationKind.Statute;
        }

        return shortForm;
    }

    private static bool IsShortForm(CitationKind kind) => kind is CitationKind.Id or CitationKind.ShortCase or CitationKind.Supra or CitationKind.Reference;

    /// <summary>Short forms alone, with no full citation in the text they came from (<c>410 U.S.</c>, <c>Twombly, supra</c>).</summary>
    private static bool IsUnresolved(IEnumerable<Citation> citations) => citations.All(c => IsShortForm(c.Kind));

    private static int TableSection(CitationKind kind) => kind switch
    {
        CitationKind.Case => 0,
        CitationKind.Statute => 1,
        CitationKind.Regulation => 2,
        CitationKind.CourtRule => 3,
        _ => 4,
    };

    private static List<int> Pages(IEnumerable<Citation> citations) =>
        [.. citations.Select(c => c.PageNumber).OfType<int>().Distinct().Order()];

    private static List<int> PageStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = text.IndexOf('\f'); i >= 0; i = text.IndexOf('\f', i + 1))
        {
            starts.Add(i + 1);
        }

        return starts;
    }

    private static int PageAt(List<int> pageStarts, int offset)
    {
        var index = pageStarts.BinarySearch(offset);
        return (index >= 0 ? index : ~index - 1) + 1;
    }

    private sealed record CaseCitationRow(Citation Citation, string DocumentName);
}
