namespace LexIntel.WorkerService.Cleanup;

internal static class CleanupServiceCollectionExtensions
{
    /// <summary>Carries out, in this worker, the cleanups deletions leave in the outbox.</summary>
    public static IServiceCollection AddDeletionCleanup(this IServiceCollection services)
    {
        services.AddScoped<DeletionCleaner>();
        services.AddHostedService<DeletionCleanupService>();
        return services;
    }
}
