using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Data;
using LexIntel.Shared.Progress;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace LexIntel.ApiService.Progress;

/// <summary>What both progress feeds take: where the client left off, and the services to answer it.</summary>
public sealed record ProgressRequest(
    [FromHeader(Name = "Last-Event-ID")] string? LastEventIdHeader,
    [FromQuery(Name = "lastEventId")] string? LastEventIdQuery,
    LexIntelDbContext Db,
    TenantContext Tenant,
    ProgressFeed Feed,
    IOptions<ProgressStreamOptions> Options,
    TimeProvider Time,
    IHostApplicationLifetime Lifetime,
    HttpContext Http)
{
    /// <summary>The header wins, as browsers send it on reconnect; none means from the start.</summary>
    public string? LastEventId => LastEventIdHeader ?? LastEventIdQuery;
}
