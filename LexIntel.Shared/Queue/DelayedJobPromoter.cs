using LexIntel.Shared.Pipeline;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LexIntel.Shared.Queue;

/// <summary>
/// Moves retries whose time has come from each kind's delayed set back onto its stream. Retries
/// wait in Redis rather than in a sleeping worker, so a restart loses none and delays no one.
/// Several promoters may run at once: the move is one atomic script.
/// </summary>
public sealed partial class DelayedJobPromoter(
    IConnectionMultiplexer redis,
    IEnumerable<JobHandlerRegistration> registrations,
    IOptions<QueueOptions> options,
    TimeProvider time,
    ILogger<DelayedJobPromoter> logger) : BackgroundService
{
    private const int BatchSize = 100;

    private readonly string[] kinds = [.. DocumentPipeline.JobKinds.Union(registrations.Select(r => r.Kind))];

    public async Task<int> PromoteDueAsync()
    {
        var promoted = 0;
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var kind in kinds)
        {
            var moved = (int)await redis.GetDatabase().ScriptEvaluateAsync(
                RedisScripts.PromoteDue,
                [QueueKeys.Delayed(kind), QueueKeys.Stream(kind)],
                [now, BatchSize, QueueKeys.NotifyChannel]);
            promoted += moved;
        }

        return promoted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DelayedPollInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PromoteDueAsync();
            }
            catch (RedisException ex)
            {
                LogPromoteFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Moving due retries back to their streams failed; trying again")]
    private partial void LogPromoteFailed(Exception exception);
}
