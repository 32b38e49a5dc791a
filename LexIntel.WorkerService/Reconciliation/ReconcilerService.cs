using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService.Reconciliation;

/// <summary>Runs a <see cref="Reconciler"/> pass every <see cref="ReconcilerOptions.Interval"/>, in every worker; one at a time acts.</summary>
internal sealed partial class ReconcilerService(
    IServiceScopeFactory scopes,
    IOptions<ReconcilerOptions> options,
    TimeProvider time,
    ILogger<ReconcilerService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<Reconciler>().RunOnceAsync(stoppingToken) is { RepairedAnything: true } result)
                {
                    LogRepaired(result.Requeued, result.OrphanFiles, result.AbandonedUploads);
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The database, Redis or the store is away; the next pass tries again.
                LogPassFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reconciler: {Requeued} document(s) re-queued, {OrphanFiles} orphan file(s) and {AbandonedUploads} abandoned upload(s) removed")]
    private partial void LogRepaired(int requeued, int orphanFiles, int abandonedUploads);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A reconciler pass failed; the next one tries again")]
    private partial void LogPassFailed(Exception exception);
}
