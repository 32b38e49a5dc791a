using System.Net.Http.Headers;
using System.Net.Http.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using LexIntel.ApiService.Identity;

namespace LexIntel.Tests.Harness;

/// <summary>
/// Clients of a started app that sign in as an identity provider's users would: bearer tokens
/// signed with the run's Development key (<see cref="LexIntelAppFactory.SigningKey"/>).
/// </summary>
public static class ApiClients
{
    private static readonly IdentityOptions Identity = new() { DevelopmentSigningKey = LexIntelAppFactory.SigningKey };

    public static string TokenFor(string user, Guid? tenant, params string[] roles) =>
        DevelopmentTokens.Issue(Identity, DateTimeOffset.UtcNow, user, tenant, roles);

    /// <summary>A client of the API sending <paramref name="token"/>; none makes an anonymous caller.</summary>
    public static HttpClient Create(DistributedApplication app, string? token)
    {
        var client = app.CreateHttpClient("api");
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public static HttpClient Operator(DistributedApplication app) => Create(app, TokenFor("operator", tenant: null, Roles.Operator));

    /// <summary>Provisions <paramref name="tenant"/> as an operator does (idempotent).</summary>
    public static async Task ProvisionTenantAsync(DistributedApplication app, Guid tenant, CancellationToken cancellationToken)
    {
        using var client = Operator(app);
        await ProvisionTenantAsync(client, tenant, cancellationToken);
    }

    /// <summary>Provisions <paramref name="tenant"/> with <paramref name="operatorClient"/>, an operator signed in some other way (at an OIDC provider).</summary>
    public static async Task ProvisionTenantAsync(HttpClient operatorClient, Guid tenant, CancellationToken cancellationToken)
    {
        using var response = await operatorClient.PutAsJsonAsync($"/api/admin/tenants/{tenant}", new { name = TenantName(tenant) }, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The name <see cref="ProvisionTenantAsync"/> gives a tenant.</summary>
    public static string TenantName(Guid tenant) => $"tenant {tenant}";

    /// <summary>A tenant admin of a tenant provisioned for the caller alone.</summary>
    public static async Task<HttpClient> ForNewTenantAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        var tenant = Guid.NewGuid();
        await ProvisionTenantAsync(app, tenant, cancellationToken);
        return Create(app, TokenFor("admin", tenant, Roles.TenantAdmin));
    }
}
