using LexIntel.ApiService.Search;
using LexIntel.ApiService.Search.Reranking;
using LexIntel.Shared.Citations;
using LexIntel.Shared.Data;
using LexIntel.Shared.Embeddings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;

namespace LexIntel.Tests.Unit.Search;

/// <summary>
/// Before its warm-up search has run the API is not ready; a search that cannot be run (an
/// embedding endpoint down) leaves it degraded with the reason, not unready for good. That a
/// successful warm-up makes it healthy is seen on the running app (<c>FoundationTests</c>).
/// </summary>
[Tier(TestTier.Unit)]
public sealed class SearchWarmupTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Not_ready_before_the_warm_up_search_and_degraded_with_the_reason_when_it_cannot_run()
    {
        await using var services = Services();
        using var warmup = new SearchWarmup(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<SearchWarmup>.Instance);

        var before = await warmup.CheckHealthAsync(new HealthCheckContext(), Cancel);
        await warmup.StartAsync(Cancel);
        await Infrastructure.Eventually.HoldsAsync(async () => (await warmup.CheckHealthAsync(new HealthCheckContext(), Cancel)).Status == HealthStatus.Degraded, TimeSpan.FromSeconds(10), "the warm-up to fail");
        var after = await warmup.CheckHealthAsync(new HealthCheckContext(), Cancel);
        await warmup.StopAsync(Cancel);

        Assert.Equal((HealthStatus.Unhealthy, "warming up search (the query embedding model, the database)"), (before.Status, before.Description));
        Assert.Contains("semantic and hybrid search may fail", after.Description, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(after.Exception);
    }

    private static ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddMemoryCache(cache => cache.SizeLimit = 10);
        services.AddOptions<EmbeddingOptions>();
        services.AddOptions<SearchOptions>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>, UnreachableEndpoint>();
        services.AddSingleton<QueryEmbedder>();
        services.AddSingleton<ICitationExtractor, CitationExtractor>();
        services.AddSingleton<SearchReranking>();
        services.AddDbContext<LexIntelDbContext>(o => o.UseNpgsql("Host=127.0.0.1;Port=1;Database=none", n => n.UseVector()));
        services.AddScoped<ChunkSearcher>();
        return services.BuildServiceProvider();
    }

    /// <summary>An embedding endpoint that refuses connections, as one that is down does.</summary>
    private sealed class UnreachableEndpoint : IEmbeddingGenerator<string, Embedding<float>>
    {
        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new HttpRequestException("Connection refused (127.0.0.1:1)");

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
