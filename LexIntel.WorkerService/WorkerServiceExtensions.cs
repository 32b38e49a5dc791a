using LexIntel.Shared.Data;
using LexIntel.Shared.Queue;
using LexIntel.WorkerService.Migrations;
using LexIntel.WorkerService.Pipeline;

namespace LexIntel.WorkerService;

internal static class WorkerServiceExtensions
{
    public const string RoleKey = "LexIntel:WorkerRole";

    public static IHostApplicationBuilder AddWorkerServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddLexIntelDbContext();

        if (builder.Configuration.GetValue(RoleKey, WorkerRole.Worker) == WorkerRole.Migrator)
        {
            builder.Services.AddHostedService<DatabaseMigrator>();
            return builder;
        }

        builder.AddLexIntelRedis();
        builder.Services.AddScoped<IJobFailureRecorder, DocumentFailureRecorder>();
        return builder;
    }
}
