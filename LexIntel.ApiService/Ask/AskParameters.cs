using LexIntel.ApiService.Audit;
using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Data;
using Microsoft.AspNetCore.Mvc;

namespace LexIntel.ApiService.Ask;

/// <summary>What both ask routes take: the case and the question, who asks, and the services that answer.</summary>
public sealed record AskParameters(
    Guid CaseId,
    [FromBody] AskRequest Request,
    HttpRequest Http,
    LexIntelDbContext Db,
    TenantContext Tenant,
    AskService Ask,
    IAnswerer Answerer,
    AuditLog Audit);
