using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LexIntel.ApiService.Search;

/// <summary>
/// Loads the query embedding model and runs it once at start, so the first search is as fast as
/// the rest (cold, it took 7.5 s); the API reports ready only after. A model that cannot be reached
/// (an embedding endpoint down) makes the API degraded, not unready: keyword search still works,
/// and the warm-up is tried again.
/// </summary>
public sealed partial class QueryEmbeddingWarmup(IServiceScopeFactory scopes, TimeProvider time, ILogger<QueryEmbeddingWarmup> logger) : BackgroundService, IHealthCheck
{
    public const string Name = "query_embeddings";

    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(30);

    private volatile Task<HealthCheckResult> state = Task.FromResult(HealthCheckResult.Unhealthy("warming up the query embedding model"));

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) => state;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<QueryEmbedder>().EmbedAsync("warm-up", stoppingToken);
                state = Task.FromResult(HealthCheckResult.Healthy());
                LogWarmedUp(time.GetElapsedTime(started).TotalMilliseconds);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                state = Task.FromResult(HealthCheckResult.Degraded("the query embedding model could not be run; semantic and hybrid search fail until it can", ex));
                LogWarmUpFailed(ex, RetryInterval);
                await Task.Delay(RetryInterval, time, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Query embedding model warmed up in {Milliseconds:F0} ms")]
    private partial void LogWarmedUp(double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming up the query embedding model failed; trying again in {Interval}")]
    private partial void LogWarmUpFailed(Exception exception, TimeSpan interval);
}
