using System.Net.Http.Headers;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using LexIntel.ApiService.Identity;
using LexIntel.Tests.Harness;

namespace LexIntel.Benchmarks.Infrastructure;

/// <summary>
/// The app a scenario measures: the AppHost on the embedded default in a throw-away data directory,
/// with the benchmarks' lifted rate limits (<see cref="Unthrottled"/>), and a tenant of its own whose
/// admin's bearer token signs the scenario's requests. Disposing it stops the app and deletes the data.
/// </summary>
internal sealed class BenchmarkApp : IAsyncDisposable
{
    private readonly ThrowawayDataDirectory data;

    private BenchmarkApp(ThrowawayDataDirectory data, DistributedApplication app, Guid tenantId, string token)
    {
        this.data = data;
        App = app;
        TenantId = tenantId;
        Token = token;
    }

    public DistributedApplication App { get; }

    /// <summary>Where the app's PostgreSQL, Redis and blob store keep their data.</summary>
    public string DataDirectory => data.Path;

    public Guid TenantId { get; }

    /// <summary>A Development bearer token of the tenant's admin.</summary>
    public string Token { get; }

    public Uri ApiAddress => App.GetEndpoint("api", "http");

    /// <summary>The whole app: PostgreSQL, Redis, the blob store, the API and the worker.</summary>
    public static Task<BenchmarkApp> StartAsync(CancellationToken cancellationToken) => StartAsync(_ => { }, cancellationToken);

    /// <summary>The app without its worker, so that nothing else competes for the cores with what the API does.</summary>
    public static Task<BenchmarkApp> StartWithoutWorkerAsync(CancellationToken cancellationToken) =>
        StartAsync(builder => builder.Resources.Remove(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "worker")), cancellationToken);

    /// <summary>
    /// A client of the API signed in as the tenant's admin, without a timeout of its own (a scenario
    /// times its requests itself) and without the retries of Aspire's default clients, which would
    /// hide the failures a benchmark counts.
    /// </summary>
    public HttpClient CreateClient(HttpMessageHandler? handler = null) =>
        new(handler ?? new SocketsHttpHandler())
        {
            BaseAddress = ApiAddress,
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", Token) },
        };

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        data.Dispose();
    }

    private static async Task<BenchmarkApp> StartAsync(Action<IDistributedApplicationTestingBuilder> configure, CancellationToken cancellationToken)
    {
        var data = new ThrowawayDataDirectory();
        DistributedApplication? app = null;
        try
        {
            app = await LexIntelAppFactory.StartAsync(data.Path, configure, cancellationToken, Unthrottled.Settings);
            var tenant = Guid.NewGuid();
            await ApiClients.ProvisionTenantAsync(app, tenant, cancellationToken);
            return new BenchmarkApp(data, app, tenant, ApiClients.TokenFor("benchmark", tenant, Roles.TenantAdmin));
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            data.Dispose();
            throw;
        }
    }
}
