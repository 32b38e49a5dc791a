using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Azure.Storage.Blobs;
using LexIntel.ApiService.Identity;
using LexIntel.Shared.Data;
using LexIntel.Shared.Storage;
using LexIntel.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.Tests.EndToEnd;

/// <summary>
/// One started AppHost shared by the end-to-end tests of a collection (a start costs 10–30 s);
/// each test isolates itself with a tenant of its own.
/// </summary>
public sealed class LexIntelAppFixture : IAsyncLifetime
{
    /// <summary>
    /// The shared app's citation extraction (a cheap route few tests call) is limited tightly and
    /// briefly, so that <see cref="RateLimitTests"/> can trip both of its limits and see them recover
    /// within seconds; every other limit keeps its default.
    /// </summary>
    public const int CitationExtractionPerUser = 10;

    public const int CitationExtractionPerTenant = 15;

    public static readonly TimeSpan CitationExtractionWindow = TimeSpan.FromSeconds(5);

    /// <summary>The one origin allowed cross-origin access to the shared app (<see cref="CorsTests"/>).</summary>
    public const string AllowedOrigin = "https://app.lexintel.test";

    private static readonly string[] Settings =
    [
        $"LexIntel:RateLimits:CitationExtraction:PerUser={CitationExtractionPerUser}",
        $"LexIntel:RateLimits:CitationExtraction:PerTenant={CitationExtractionPerTenant}",
        $"LexIntel:RateLimits:CitationExtraction:Window={CitationExtractionWindow}",
        $"LexIntel:Cors:AllowedOrigins:0={AllowedOrigin}",
    ];

    private readonly ThrowawayDataDirectory data = new();

    public DistributedApplication App { get; private set; } = null!;

    public async ValueTask InitializeAsync() =>
        App = await LexIntelAppFactory.StartAsync(data.Path, TestContext.Current.CancellationToken, Settings);

    /// <summary>A user of <paramref name="tenantId"/> (provisioned first, as an operator would), by default its admin.</summary>
    public async Task<HttpClient> CreateTenantClientAsync(Guid tenantId, string user = "admin", string role = Roles.TenantAdmin)
    {
        await ApiClients.ProvisionTenantAsync(App, tenantId, TestContext.Current.CancellationToken);
        return ApiClients.Create(App, ApiClients.TokenFor(user, tenantId, role));
    }

    public HttpClient CreateAnonymousClient() => ApiClients.Create(App, token: null);

    /// <summary>The app's blob container, reached straight through the SDK as an administrator (or an attacker) would.</summary>
    public async Task<BlobContainerClient> OpenBlobContainerAsync() =>
        new BlobServiceClient(await App.GetConnectionStringAsync("blobs", TestContext.Current.CancellationToken))
            .GetBlobContainerClient(StorageOptions.DefaultContainer);

    /// <summary>The app's database with no tenant bound, so a test sees every tenant's rows.</summary>
    public async Task<LexIntelDbContext> OpenDatabaseAsync() =>
        new(new DbContextOptionsBuilder<LexIntelDbContext>()
            .UseNpgsql(await App.GetConnectionStringAsync(LexIntelDbContext.ConnectionName, TestContext.Current.CancellationToken), o => o.UseVector()).Options);

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        data.Dispose();
    }
}
