using System.Diagnostics;
using LexIntel.Shared.Data;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.WorkerService.Migrations;

/// <summary>
/// Applies the EF Core migrations, moves originals an earlier version kept on local disk into the
/// blob store, then stops the process. Its exit code is what the API and the workers wait for, so a
/// failed migration keeps them from starting against a wrong schema.
/// </summary>
internal sealed partial class Migrator(
    IServiceProvider services,
    LocalFilesMigration localFiles,
    IHostApplicationLifetime lifetime,
    ILogger<Migrator> logger) : BackgroundService
{
    private static readonly ActivitySource ActivitySource = new("LexIntel.Migrations");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var activity = ActivitySource.StartActivity("Migrating database", ActivityKind.Client);
        try
        {
            await using (var scope = services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LexIntelDbContext>();
                var pending = (await db.Database.GetPendingMigrationsAsync(stoppingToken)).ToList();

                // The execution strategy retries transient failures of the whole migration, as the
                // database may still be finishing its own start-up.
                await db.Database.CreateExecutionStrategy().ExecuteAsync(
                    db,
                    (context, ct) => context.Database.MigrateAsync(ct),
                    stoppingToken);

                var applied = string.Join(", ", pending);
                LogMigrated(pending.Count, applied);
            }

            await localFiles.MoveAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            activity?.AddException(ex);
            LogFailed(ex);
            Environment.ExitCode = 1;
        }

        lifetime.StopApplication();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database is up to date; applied {Count} migration(s): {Migrations}")]
    private partial void LogMigrated(int count, string migrations);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Migration failed")]
    private partial void LogFailed(Exception exception);
}
