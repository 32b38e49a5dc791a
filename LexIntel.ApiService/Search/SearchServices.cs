using LexIntel.ApiService.Search.Reranking;
using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Citations;
using Microsoft.Extensions.Options;

namespace LexIntel.ApiService.Search;

/// <summary>What both search routes use, bound by <see cref="AsParametersAttribute"/>.</summary>
public sealed record SearchServices(
    HttpContext Http,
    TenantContext Tenant,
    ICitationExtractor Citations,
    ChunkSearcher Searcher,
    SearchReranking Reranking,
    IOptions<SearchOptions> Options);
