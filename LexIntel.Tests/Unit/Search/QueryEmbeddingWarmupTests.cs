using LexIntel.ApiService.Search;
using LexIntel.Shared.Embeddings;
using LexIntel.Tests.Unit.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LexIntel.Tests.Unit.Search;

/// <summary>The API is ready only once the query embedding model has run; a model it cannot run leaves it degraded, not unready.</summary>
[Tier(TestTier.Unit)]
public sealed class QueryEmbeddingWarmupTests(ArcticEmbedModelFixture model) : IClassFixture<ArcticEmbedModelFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Not_ready_until_the_model_has_embedded_a_query_then_ready_and_the_model_is_warm()
    {
        using var generator = new OnnxEmbeddingGenerator(model.Model, Options.Create(new EmbeddingOptions()));
        await using var services = Services(generator);
        using var warmup = new QueryEmbeddingWarmup(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<QueryEmbeddingWarmup>.Instance);

        Assert.Equal(HealthStatus.Unhealthy, (await warmup.CheckHealthAsync(new HealthCheckContext(), Cancel)).Status);
        await warmup.StartAsync(Cancel);
        await warmup.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(1), Cancel);

        Assert.Equal(HealthStatus.Healthy, (await warmup.CheckHealthAsync(new HealthCheckContext(), Cancel)).Status);
        await warmup.StopAsync(Cancel);
    }

    [Fact]
    public async Task A_model_that_cannot_be_run_leaves_the_api_degraded_with_the_reason()
    {
        using var generator = new UnreachableEndpoint();
        await using var services = Services(generator);
        using var warmup = new QueryEmbeddingWarmup(services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<QueryEmbeddingWarmup>.Instance);

        await warmup.StartAsync(Cancel);
        await Infrastructure.Eventually.HoldsAsync(async () => (await warmup.CheckHealthAsync(new HealthCheckContext(), Cancel)).Status == HealthStatus.Degraded, TimeSpan.FromSeconds(10), "the warm-up to fail");

        var health = await warmup.CheckHealthAsync(new HealthCheckContext(), Cancel);
        Assert.Contains("semantic and hybrid search fail", health.Description, StringComparison.Ordinal);
        Assert.IsType<HttpRequestException>(health.Exception);
        await warmup.StopAsync(Cancel);
    }

    private static ServiceProvider Services(IEmbeddingGenerator<string, Embedding<float>> generator)
    {
        var services = new ServiceCollection();
        services.AddMemoryCache(cache => cache.SizeLimit = 10);
        services.AddSingleton(Options.Create(new EmbeddingOptions()));
        services.AddSingleton(generator);
        services.AddSingleton<QueryEmbedder>();
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
