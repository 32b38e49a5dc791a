using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LexIntel.ApiService.Search;

/// <summary>
/// Runs one hybrid search at start, for no tenant (so over no passage): it loads and runs the query
/// embedding model, compiles the citation extractor's patterns and the search's code, and opens
/// the database connections, so the first search a user makes is as fast as the rest (cold, it
/// took 7.5 s); the API reports ready only after. A model that cannot be reached (an embedding
/// endpoint down) makes the API degraded, not unready: keyword search still works, and the
/// warm-up is tried again.
/// </summary>
public sealed partial class SearchWarmup(IServiceScopeFactory scopes, TimeProvider time, ILogger<SearchWarmup> logger) : BackgroundService, IHealthCheck
{
    public const string Name = "search";

    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(30);

    /// <summary>A question with a citation in it, so every part of a search runs; no tenant has the empty id.</summary>
    private static readonly SearchQuery WarmUpQuery = new() { TenantId = Guid.Empty, Text = "What did the court hold about pleading in Bell Atlantic Corp. v. Twombly, 550 U.S. 544 (2007)?" };

    private volatile Task<HealthCheckResult> state = Task.FromResult(HealthCheckResult.Unhealthy("warming up search (the query embedding model, the database)"));

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) => state;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ChunkSearcher>().SearchAsync(WarmUpQuery, stoppingToken);
                state = Task.FromResult(HealthCheckResult.Healthy());
                LogWarmedUp(time.GetElapsedTime(started).TotalMilliseconds);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                state = Task.FromResult(HealthCheckResult.Degraded("a search could not be run at start (the query embedding model or the database); semantic and hybrid search may fail until it can", ex));
                LogWarmUpFailed(ex, RetryInterval);
                await Task.Delay(RetryInterval, time, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Search warmed up in {Milliseconds:F0} ms")]
    private partial void LogWarmedUp(double milliseconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warming up search failed; trying again in {Interval}")]
    private partial void LogWarmUpFailed(Exception exception, TimeSpan interval);
}
