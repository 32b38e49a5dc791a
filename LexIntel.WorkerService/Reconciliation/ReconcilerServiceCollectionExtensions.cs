using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService.Reconciliation;

internal static class ReconcilerServiceCollectionExtensions
{
    /// <summary>The reconciler with its options from <c>LexIntel:Reconciler</c>, refused at start when invalid.</summary>
    public static IHostApplicationBuilder AddReconciler(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReconcilerOptions>()
            .BindConfiguration(ReconcilerOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReconcilerOptions>, ReconcilerOptionsValidator>();
        builder.Services.AddScoped<LostJobRepair>();
        builder.Services.AddScoped<OrphanFileSweep>();
        builder.Services.AddScoped<Reconciler>();
        builder.Services.AddHostedService<ReconcilerService>();
        return builder;
    }
}
