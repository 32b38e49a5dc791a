using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace LexIntel.Shared.Queue;

/// <summary>What operators need: queue depths, the jobs running now, dead letters, and putting a dead letter back.</summary>
public sealed class QueueAdmin(IConnectionMultiplexer redis, TimeProvider time)
{
    public async Task<QueueStats> GetStatsAsync(string kind)
    {
        var db = redis.GetDatabase();
        var stream = QueueKeys.Stream(kind);
        var length = db.StreamLengthAsync(stream);
        var delayed = db.SortedSetLengthAsync(QueueKeys.Delayed(kind));
        var dead = db.StreamLengthAsync(QueueKeys.Dead(kind));
        StreamGroupInfo? group = null;
        if (await db.KeyExistsAsync(stream))
        {
            group = (await db.StreamGroupInfoAsync(stream)).FirstOrDefault(g => g.Name == QueueKeys.Group(kind));
        }

        return new QueueStats(
            kind,
            await length,
            group?.PendingMessageCount ?? 0,
            group?.Lag,
            await delayed,
            await dead,
            group?.ConsumerCount ?? 0);
    }

    /// <summary>
    /// The jobs workers are running now, per worker, oldest first. A worker that died mid-job left
    /// its record behind; a record whose entry its worker no longer holds is removed, not listed.
    /// </summary>
    public async Task<IReadOnlyList<WorkerJobs>> ListRunningAsync()
    {
        var db = redis.GetDatabase();
        var running = new List<RunningJob>();
        foreach (var field in await db.HashGetAllAsync(QueueKeys.Running))
        {
            var job = JsonSerializer.Deserialize<RunningJob>(field.Value.ToString());
            if (job is not null && await IsHeldAsync(db, job))
            {
                running.Add(job);
            }
            else
            {
                await db.HashDeleteAsync(QueueKeys.Running, field.Name);
            }
        }

        return [.. running.GroupBy(j => j.Worker).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new WorkerJobs(g.Key, [.. g.OrderBy(j => j.StartedAt)]))];
    }

    /// <summary>The job running as <paramref name="kind"/> entry <paramref name="entryId"/>; null when no worker runs it.</summary>
    public async Task<RunningJob?> FindRunningAsync(string kind, string entryId)
    {
        var db = redis.GetDatabase();
        var value = await db.HashGetAsync(QueueKeys.Running, $"{kind}/{entryId}");
        return value.HasValue && JsonSerializer.Deserialize<RunningJob>(value.ToString()) is { } job && await IsHeldAsync(db, job) ? job : null;
    }

    private static async Task<bool> IsHeldAsync(IDatabase db, RunningJob job) =>
        (await db.StreamPendingMessagesAsync(QueueKeys.Stream(job.Kind), QueueKeys.Group(job.Kind), 1, job.Worker, job.EntryId, job.EntryId)).Length == 1;

    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(string kind, int count)
    {
        var entries = await redis.GetDatabase().StreamRangeAsync(QueueKeys.Dead(kind), "-", "+", count, Order.Descending);
        return entries.Select(e => ToDeadLetter(kind, e)).ToList();
    }

    /// <summary>
    /// Puts a dead letter back on its stream as a fresh first attempt. False when there is no such
    /// dead letter (already requeued, trimmed, or never there).
    /// </summary>
    public async Task<bool> RequeueAsync(string kind, string deadLetterId)
    {
        var db = redis.GetDatabase();
        var entries = await db.StreamRangeAsync(QueueKeys.Dead(kind), deadLetterId, deadLetterId, 1);
        if (entries.Length == 0)
        {
            return false;
        }

        var job = JobMessage.FromEntries(entries[0].Values) with { Attempt = 1, EnqueuedAt = time.GetUtcNow() };
        var arguments = new List<RedisValue> { deadLetterId, QueueKeys.NotifyChannel };
        foreach (var entry in job.ToEntries())
        {
            arguments.Add(entry.Name);
            arguments.Add(entry.Value);
        }

        var result = await db.ScriptEvaluateAsync(RedisScripts.Requeue, [QueueKeys.Dead(kind), QueueKeys.Stream(kind)], [.. arguments]);
        return !result.IsNull;
    }

    private static DeadLetter ToDeadLetter(string kind, StreamEntry entry)
    {
        string? Field(string name) => entry[name] is { IsNull: false } v ? v.ToString() : null;
        return new DeadLetter(
            entry.Id.ToString(),
            kind,
            Field("key") ?? string.Empty,
            Guid.TryParse(Field(JobMessage.DocumentField), out var doc) ? doc : null,
            Guid.TryParse(Field("tenant"), out var tenant) ? tenant : null,
            int.TryParse(Field("attempt"), CultureInfo.InvariantCulture, out var attempts) ? attempts : 0,
            Field("errorCode") ?? string.Empty,
            Field("error") ?? string.Empty,
            Field("permanent") == "1",
            DateTimeOffset.TryParse(Field("failedAt"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at) ? at : null);
    }
}
