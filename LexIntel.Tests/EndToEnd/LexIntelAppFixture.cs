using Aspire.Hosting;
using Aspire.Hosting.Testing;
using LexIntel.Tests.Infrastructure;

namespace LexIntel.Tests.EndToEnd;

/// <summary>
/// One started AppHost shared by the end-to-end tests of a collection (a start costs 10–30 s);
/// each test isolates itself with a tenant of its own.
/// </summary>
public sealed class LexIntelAppFixture : IAsyncLifetime
{
    private readonly ThrowawayDataDirectory data = new();

    public DistributedApplication App { get; private set; } = null!;

    public string DataDirectory => data.Path;

    public async ValueTask InitializeAsync() =>
        App = await LexIntelAppFactory.StartAsync(data.Path, TestContext.Current.CancellationToken);

    public HttpClient CreateApiClient(Guid? tenantId = null)
    {
        var client = App.CreateHttpClient("api");
        if (tenantId is { } id)
        {
            client.DefaultRequestHeaders.Add("X-Tenant-Id", id.ToString());
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        data.Dispose();
    }
}
