using LexIntel.ApiService.Audit;
using LexIntel.ApiService.Cases;
using LexIntel.ApiService.Identity;
using LexIntel.ApiService.Tenancy;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.ApiService.ApiKeys;

/// <summary>A tenant admin's keys for machine clients: created (shown once), listed, revoked.</summary>
public static class ApiKeysApi
{
    public const int MaxExpiresInDays = 365;
    public const int DefaultExpiresInDays = 90;
    public const int MaxNameLength = 200;

    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/keys")
            .WithTags("API keys")
            .RequireTenant(Policies.TenantAdmin);

        api.MapPost("/", CreateApiKey)
            .WithName(nameof(CreateApiKey))
            .WithSummary("Create an API key")
            .WithDescription("For a machine client of the tenant: a role (admin or member), optionally only some cases, and an expiry (default 90 days, at most 365). The key is in the response this once; only its hash is kept.");

        api.MapGet("/", ListApiKeys)
            .WithName(nameof(ListApiKeys))
            .WithSummary("List the tenant's API keys")
            .WithDescription("Newest first, without secrets, with when each was last used and whether it is revoked.");

        api.MapDelete("/{keyId:guid}", RevokeApiKey)
            .WithName(nameof(RevokeApiKey))
            .WithSummary("Revoke an API key")
            .WithDescription("The key stops working within 5 seconds (the time servers keep what they know of a key).");

        return app;
    }

    public static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem>> CreateApiKey(
        CreateApiKeyRequest request,
        LexIntelDbContext db,
        TenantContext tenant,
        AuditLog audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength)
        {
            errors["name"] = [$"A key needs a name of 1 to {MaxNameLength} characters."];
        }

        if (request.Role is not (Roles.TenantAdmin or Roles.Member))
        {
            errors["role"] = [$"role must be {Roles.TenantAdmin} or {Roles.Member}."];
        }

        var days = request.ExpiresInDays ?? DefaultExpiresInDays;
        if (days is < 1 or > MaxExpiresInDays)
        {
            errors["expiresInDays"] = [$"A key lives 1 to {MaxExpiresInDays} days."];
        }

        var caseIds = request.CaseIds?.Distinct().ToArray();
        if (caseIds is { Length: > 0 } && await db.Cases.AsNoTracking().VisibleTo(tenant).CountAsync(c => caseIds.Contains(c.Id), cancellationToken) != caseIds.Length)
        {
            errors["caseIds"] = ["Every case of a key must be a case of the tenant that you see."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var now = PostgresTime.Truncate(time.GetUtcNow());
        var (secret, prefix, hash) = ApiKeySecret.Create();
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenant.TenantId,
            Name = name!,
            Prefix = prefix,
            SecretHash = hash,
            Role = request.Role!,
            CaseIds = caseIds is { Length: > 0 } ? caseIds : null,
            CreatedBy = tenant.UserId,
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        db.ApiKeys.Add(key);
        audit.Add(AuditActions.KeyCreate, caseId: null, detail: $"{key.Name} ({key.Prefix}, {key.Role})");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/keys/{key.Id}", new CreatedApiKeyResponse(secret, ApiKeyResponse.From(key)));
    }

    public static async Task<Ok<List<ApiKeyResponse>>> ListApiKeys(LexIntelDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        var keys = await db.ApiKeys.AsNoTracking().Where(k => k.TenantId == tenant.TenantId).OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(keys.Select(ApiKeyResponse.From).ToList());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeApiKey(Guid keyId, LexIntelDbContext db, TenantContext tenant, AuditLog audit, TimeProvider time, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.TenantId == tenant.TenantId, cancellationToken);
        if (key is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "API key not found", detail: $"The tenant has no API key {keyId}.");
        }

        key.RevokedAt ??= time.GetUtcNow();
        audit.Add(AuditActions.KeyRevoke, caseId: null, detail: $"{key.Name} ({key.Prefix})");
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
