using System.Text.Json;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Deletion;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.WorkerService.Cleanup;

/// <summary>
/// Carries out the cleanups deletions commit to the outbox, in every worker: rows are locked with
/// SKIP LOCKED, so workers share them, and a cleanup is marked done in the same transaction only
/// once it is complete. A worker that dies midway leaves it to the next. A cleanup that met a job in
/// flight for what was deleted is run again once that job can have ended.
/// </summary>
internal sealed partial class DeletionCleanupService(
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<DeletionCleanupService> logger) : BackgroundService
{
    private const int BatchSize = 20;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A cleanup waiting for a job in flight is tried again after this rather than at every poll:
    /// each try reads the job streams and dead letters through.
    /// </summary>
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    /// <summary>Cleanups met with a job in flight, and when to try them again. Only the loop touches it.</summary>
    private readonly Dictionary<Guid, DateTimeOffset> waiting = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await CleanUpPendingAsync(stoppingToken) > 0)
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database, Redis or the store is away; the cleanups stay and are done on a later round.
                LogCleanupFailed(ex);
            }

            try
            {
                await Task.Delay(PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Runs one batch of due cleanups; returns how many were completed.</summary>
    private async Task<int> CleanUpPendingAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var due in waiting.Where(w => w.Value <= now).Select(w => w.Key).ToList())
        {
            waiting.Remove(due);
        }

        Guid[] notYet = [.. waiting.Keys];
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LexIntelDbContext>();
        var cleaner = scope.ServiceProvider.GetRequiredService<DeletionCleaner>();

        // The retrying execution strategy replays the whole unit, transaction included.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(
            db,
            async (context, ct) =>
            {
                context.ChangeTracker.Clear();
                await using var transaction = await context.Database.BeginTransactionAsync(ct);
                var messages = await context.OutboxMessages
                    .FromSql(
                        $"""
                        SELECT * FROM "OutboxMessages"
                        WHERE "DispatchedAt" IS NULL AND "Kind" = {DeletionCleanup.OutboxKind} AND NOT ("Id" = ANY({notYet}))
                        ORDER BY "CreatedAt" LIMIT {BatchSize} FOR UPDATE SKIP LOCKED
                        """)
                    .ToListAsync(ct);
                if (messages.Count == 0)
                {
                    return 0;
                }

                var cleanups = messages.Select(Read).ToList();
                var inFlight = await cleaner.CleanAsync(cleanups, ct);
                var completed = 0;
                foreach (var (message, cleanup) in messages.Zip(cleanups))
                {
                    if (inFlight.Any(job => cleanup.Names(job.CaseId, job.DocumentId)))
                    {
                        waiting[message.Id] = time.GetUtcNow() + RetryInterval;
                        LogWaiting(message.Id, RetryInterval);
                        continue;
                    }

                    message.DispatchedAt = time.GetUtcNow();
                    completed++;
                }

                await context.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return completed;
            },
            cancellationToken);
    }

    private static DeletionCleanup Read(OutboxMessage message) =>
        JsonSerializer.Deserialize<DeletionCleanup>(message.Payload)
            ?? throw new InvalidOperationException($"Outbox message {message.Id} has no cleanup.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Cleanup {MessageId} met a job still in flight for what was deleted; running it again in {Delay}")]
    private partial void LogWaiting(Guid messageId, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cleaning up after deletions failed; retrying shortly")]
    private partial void LogCleanupFailed(Exception exception);
}
