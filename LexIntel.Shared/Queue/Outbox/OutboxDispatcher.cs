using System.Text.Json;
using LexIntel.Shared.Data;
using LexIntel.Shared.Deletion;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace LexIntel.Shared.Queue.Outbox;

/// <summary>
/// Sends committed outbox jobs to their Redis streams and marks them dispatched (deletions'
/// cleanups are the workers' to carry out). Rows are
/// locked with SKIP LOCKED so several API replicas share the work; enqueue is idempotent per job
/// key, so a crash between sending and marking sends a duplicate that is ignored.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    JobPublisher publisher,
    OutboxSignal signal,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(1);

    /// <summary>Dispatches one batch; returns how many messages went out.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LexIntelDbContext>();

        // The retrying execution strategy replays the whole unit, transaction included.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(
            db,
            async (context, ct) =>
            {
                context.ChangeTracker.Clear();
                await using var transaction = await context.Database.BeginTransactionAsync(ct);
                var messages = await context.OutboxMessages
                    .FromSql($"""SELECT * FROM "OutboxMessages" WHERE "DispatchedAt" IS NULL AND "Kind" <> {DeletionCleanup.OutboxKind} ORDER BY "CreatedAt" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED""")
                    .ToListAsync(ct);

                foreach (var message in messages)
                {
                    var job = JsonSerializer.Deserialize<JobMessage>(message.Payload)
                        ?? throw new InvalidOperationException($"Outbox message {message.Id} has no job.");
                    await publisher.EnqueueAsync(job, ct);
                    message.DispatchedAt = time.GetUtcNow();
                }

                await context.SaveChangesAsync(ct);
                await context.OutboxMessages
                    .Where(m => m.DispatchedAt != null && m.DispatchedAt < time.GetUtcNow() - Retention)
                    .ExecuteDeleteAsync(ct);
                await transaction.CommitAsync(ct);
                return messages.Count;
            },
            cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await DispatchPendingAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception ex) when (ex is RedisException or DbUpdateException or Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
            {
                // Redis or the database is away; the messages stay and go out on a later round.
                LogDispatchFailed(ex);
            }

            try
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dispatching the outbox failed; retrying shortly")]
    private partial void LogDispatchFailed(Exception exception);
}
