using LexIntel.Shared.Citations;
using LexIntel.Shared.Data;
using LexIntel.Shared.Embeddings;
using LexIntel.Shared.Queue;
using LexIntel.Shared.Storage;
using LexIntel.WorkerService.Chunking;
using LexIntel.WorkerService.Cleanup;
using LexIntel.WorkerService.Migrations;
using LexIntel.WorkerService.Pipeline;
using LexIntel.WorkerService.Reconciliation;
using LexIntel.WorkerService.Sandbox;
using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService;

internal static class WorkerServiceExtensions
{
    public const string RoleKey = "LexIntel:WorkerRole";

    /// <summary>
    /// The role decides which host is built, so it is read before either is: from the environment
    /// and the command line, where the AppHost (or a deployment) sets it per process.
    /// </summary>
    public static WorkerRole RoleOf(string[] args) =>
        new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build().GetValue(RoleKey, WorkerRole.Worker);

    public static IHostApplicationBuilder AddMigrator(this IHostApplicationBuilder builder)
    {
        builder.AddLexIntelDbContext();

        // Before the migrator: the store's container is created by a hosted service started ahead of it.
        builder.AddLexIntelFileStore();
        builder.Services.AddSingleton<LocalFilesMigration>();
        builder.Services.AddHostedService<Migrator>();
        return builder;
    }

    /// <summary>
    /// The job consumers and the pipeline. Their readiness (database, Redis, consumers; see
    /// <see cref="JobConsumersHealthCheck"/>) is registered along with them.
    /// </summary>
    public static IHostApplicationBuilder AddWorkerServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddLexIntelDbContext();
        builder.AddLexIntelFileStore();
        builder.AddLexIntelRedis();
        builder.AddLexIntelEmbeddings();
        builder.Services.AddScoped<IJobFailureRecorder, DocumentFailureRecorder>();

        builder.AddTextExtraction();
        builder.Services.AddOptions<ChunkingOptions>()
            .Bind(builder.Configuration.GetSection(ChunkingOptions.SectionName))
            .Validate(o => o.WindowTokens == 0 || (o.WindowTokens < o.MaxTokens && o.WindowOverlapTokens >= 0 && o.WindowOverlapTokens < o.WindowTokens), $"{ChunkingOptions.SectionName}:WindowTokens must be 0 (no windows) or fewer than MaxTokens, and WindowOverlapTokens fewer than WindowTokens.")
            .ValidateOnStart();
        builder.Services.AddSingleton<TextChunker>();
        builder.Services.AddSingleton<ICitationExtractor, CitationExtractor>();

        builder.Services.AddDocumentPipeline();
        builder.Services.AddDeletionCleanup();
        builder.AddReconciler();

        // Two documents embedding at once keep every model slot busy while one of them is between rounds.
        builder.Services.PostConfigure<QueueOptions>(o => o.ConcurrencyByKind.TryAdd(JobKinds.Embed, 2));
        return builder;
    }
}
