using LexIntel.Shared.Queue;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LexIntel.Tests.ConsumerHost;

/// <summary>
/// Writes what happens to each job into Redis, where a test in another process can read it:
/// every start (with the process id), the idempotent outcome, and every completed run.
/// </summary>
public sealed class LedgerJobHandler(IConnectionMultiplexer redis, IOptions<LedgerOptions> options) : IJobHandler
{
    public static string Started(string kind) => $"ledger:{kind}:started";

    public static string Outcomes(string kind) => $"ledger:{kind}:outcomes";

    public static string Completions(string kind) => $"ledger:{kind}:completions";

    public async Task HandleAsync(JobMessage job, CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        await db.ListRightPushAsync(Started(job.Kind), $"{Environment.ProcessId}:{job.Key}:{job.Attempt}");
        await Task.Delay(options.Value.HandlerDelay, cancellationToken);

        // The outcome is a set member: recording it again on a redelivery changes nothing.
        await db.SetAddAsync(Outcomes(job.Kind), job.Key);
        await db.ListRightPushAsync(Completions(job.Kind), job.Key);
    }
}
