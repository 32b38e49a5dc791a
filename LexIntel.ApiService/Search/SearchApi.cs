using LexIntel.ApiService.Cases;
using LexIntel.ApiService.Limits;
using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Citations;
using LexIntel.Shared.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.ApiService.Search;

public static class SearchApi
{
    public const int DefaultLimit = 10;
    public const int MaxLimit = 50;
    public const int MaxQueryLength = 1000;

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api")
            .WithTags("Search")
            .RequireTenant();
        var cases = api.MapCaseGroup();

        cases.MapPost("/search", SearchCase)
            .WithName(nameof(SearchCase))
            .WithSummary("Search a case's documents")
            .WithDescription("Hybrid (full-text + semantic, fused by their scaled scores; default), keyword or semantic. Each hit: the passage, highlighted matches, document and pages, its score and the parts of it, the citations in it. Paged with `nextCursor`.")
            .WithRateLimit(RateLimitPolicies.Search);

        api.MapPost("/search", SearchTenant)
            .WithName(nameof(SearchTenant))
            .WithSummary("Search every case of the tenant")
            .WithDescription("As the case search, over all the tenant's cases (or `filters.caseIds`).")
            .WithRateLimit(RateLimitPolicies.Search);

        return app;
    }

    public static async Task<Results<Ok<SearchResponse>, ValidationProblem>> SearchCase(
        Guid caseId,
        SearchRequest request,
        [AsParameters] SearchServices services,
        CancellationToken cancellationToken)
    {
        if (!services.TryCreateQuery(request, [caseId], out var query, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await services.SearchAsync(query, cancellationToken));
    }

    public static async Task<Results<Ok<SearchResponse>, ValidationProblem>> SearchTenant(
        SearchRequest request,
        LexIntelDbContext db,
        [AsParameters] SearchServices services,
        CancellationToken cancellationToken)
    {
        var tenant = services.Tenant;
        // Only the cases the caller sees: a wall holds in a tenant-wide search too.
        var visible = db.Cases.AsNoTracking().VisibleTo(tenant);
        if (request.Filters?.CaseIds is { } wanted)
        {
            visible = visible.Where(c => wanted.Contains(c.Id));
        }

        var caseIds = await visible.Select(c => c.Id).ToListAsync(cancellationToken);
        if (!services.TryCreateQuery(request, caseIds, out var query, out var errors))
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await services.SearchAsync(query, cancellationToken));
    }

    private static bool TryCreateQuery(this SearchServices services, SearchRequest request, IReadOnlyList<Guid>? caseIds, out SearchQuery query, out Dictionary<string, string[]> errors)
    {
        errors = [];
        var text = request.Query?.Trim() ?? string.Empty;
        if (text.Length == 0)
        {
            errors["query"] = ["A search needs a query."];
        }
        else if (text.Length > MaxQueryLength)
        {
            errors["query"] = [$"The query is {text.Length} characters long; at most {MaxQueryLength} are allowed."];
        }

        var mode = SearchMode.Hybrid;
        if (request.Mode is { } modeText && (!Enum.TryParse(modeText, ignoreCase: true, out mode) || !Enum.IsDefined(mode) || int.TryParse(modeText, out _)))
        {
            errors["mode"] = [$"Unknown mode '{modeText}'; use hybrid, keyword or semantic."];
        }

        var group = SearchGrouping.Page;
        if (request.Group is { } groupText && (!Enum.TryParse(groupText, ignoreCase: true, out group) || !Enum.IsDefined(group) || int.TryParse(groupText, out _)))
        {
            errors["group"] = [$"Unknown grouping '{groupText}'; use page, document or passage."];
        }

        var limit = request.Limit ?? DefaultLimit;
        if (limit is < 1 or > MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {MaxLimit}."];
        }

        var rerank = request.Rerank ?? services.Options.Value.RerankByDefault;
        if (rerank && !services.Reranking.IsAvailable)
        {
            errors["rerank"] = [$"Re-ranking needs a chat model, and none is configured (ConnectionStrings:{ChatModel.ChatModelServiceExtensions.ConnectionName})."];
        }

        var filters = request.Filters ?? new SearchFilters();
        if (filters.UploadedFrom is { } from && filters.UploadedBefore is { } before && from >= before)
        {
            errors["filters.uploadedBefore"] = ["uploadedBefore must be later than uploadedFrom."];
        }

        query = new SearchQuery
        {
            TenantId = services.Tenant.TenantId,
            Text = text,
            Mode = mode,
            Group = group,
            Rerank = rerank,
            Limit = limit,
            CaseIds = caseIds is { Count: > 0 } ? caseIds : null,
            DocumentIds = filters.DocumentIds is { Count: > 0 } documents ? documents : null,
            ContentTypes = filters.ContentTypes is { Count: > 0 } types ? [.. types.Select(t => t.Trim().ToLowerInvariant())] : null,
            UploadedFrom = filters.UploadedFrom,
            UploadedBefore = filters.UploadedBefore,
            Cites = NormalizeAuthority(filters.Cites, services.Citations),
        };

        if (request.Cursor is { Length: > 0 } cursorText)
        {
            if (!SearchCursor.TryDecode(cursorText, out var cursor))
            {
                errors["cursor"] = ["The cursor is not one this API returned."];
            }
            else if (cursor.QueryFingerprint != query.Fingerprint)
            {
                errors["cursor"] = ["The cursor belongs to another search: send the same query, mode and filters as for the first page."];
            }
            else
            {
                query = query with { After = cursor };
            }
        }

        return errors.Count == 0;
    }

    /// <summary>Searches, and says what re-ranking cost in the response's <c>Server-Timing</c> header.</summary>
    private static async Task<SearchResponse> SearchAsync(this SearchServices services, SearchQuery query, CancellationToken cancellationToken)
    {
        var response = await services.Searcher.SearchAsync(query, cancellationToken);
        if (response.Rerank is { } cost)
        {
            services.Http.Response.Headers.Append("Server-Timing", cost.ServerTiming);
        }

        return response;
    }

    /// <summary>An authority in any spelling becomes the normalized form citations are stored under.</summary>
    private static string? NormalizeAuthority(string? authority, ICitationExtractor citations)
    {
        if (string.IsNullOrWhiteSpace(authority))
        {
            return null;
        }

        return citations.Extract(authority) is [var first, ..] ? first.Normalized : authority.Trim();
    }
}
