using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LexIntel.ApiService.Identity;

internal static class DevelopmentCredentialsApi
{
    public const string TenantName = "Development";

    /// <summary>
    /// <c>POST /dev/credentials</c>, so that a newcomer can call the API at once. It exists only in
    /// the Development environment with the AppHost's generated key and no OIDC provider: with a
    /// real identity provider, or in any other environment, the route is not there at all.
    /// </summary>
    public static WebApplication MapDevelopmentCredentials(this WebApplication app)
    {
        var identity = app.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        if (!app.Environment.IsDevelopment() || !string.IsNullOrWhiteSpace(identity.Authority) || !DevelopmentTokens.IsUsableKey(identity.DevelopmentSigningKey))
        {
            return app;
        }

        app.MapPost("/dev/credentials", IssueDevelopmentCredentials)
            .AllowAnonymous()
            .WithTags("Development")
            .WithName(nameof(IssueDevelopmentCredentials))
            .WithSummary("Development credentials (Development only)")
            .WithDescription("Provisions the 'Development' tenant if needed and returns tokens for a tenant admin, a member and an operator, valid for 8 hours. Send one as 'Authorization: Bearer …'.");
        return app;
    }

    public static async Task<Ok<DevelopmentCredentials>> IssueDevelopmentCredentials(
        LexIntelDbContext db,
        DevelopmentTokens tokens,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var now = PostgresTime.Truncate(time.GetUtcNow());
        var tenant = await db.Tenants.Where(t => t.Name == TenantName).OrderBy(t => t.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        if (tenant is null)
        {
            tenant = new Tenant { Id = Guid.CreateVersion7(now), Name = TenantName, CreatedAt = now };
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(new DevelopmentCredentials(
            tenant.Id,
            tokens.Issue("dev-admin", tenant.Id, Roles.TenantAdmin),
            tokens.Issue("dev-member", tenant.Id, Roles.Member),
            tokens.Issue("dev-operator", tenant: null, Roles.Operator),
            now + DevelopmentTokens.Lifetime));
    }
}
