namespace LexIntel.Tests.EndToEnd;

/// <summary>
/// Tests that only read one case, indexed once for their class: each test starts with the case
/// ready and a client of its tenant.
/// </summary>
public abstract class IndexedCaseTests(LexIntelAppFixture fixture, IndexedCase indexed) : IAsyncLifetime
{
    protected LexIntelAppFixture Fixture => fixture;

    protected HttpClient Client { get; private set; } = null!;

    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await indexed.EnsureAsync(fixture, Cancel);
        Client = await fixture.CreateTenantClientAsync(indexed.Tenant);
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }
}
