using LexIntel.Shared.Citations;
using LexIntel.Shared.Data;
using LexIntel.Shared.Embeddings;
using LexIntel.Shared.Queue;
using LexIntel.Shared.Storage;
using LexIntel.WorkerService.Chunking;
using LexIntel.WorkerService.Extraction;
using LexIntel.WorkerService.Migrations;
using LexIntel.WorkerService.Pipeline;
using Microsoft.Extensions.Options;

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
        builder.AddLexIntelStorage();
        builder.AddLexIntelEmbeddings();
        builder.Services.AddScoped<IJobFailureRecorder, DocumentFailureRecorder>();

        builder.Services.AddOptions<ExtractionLimits>().Bind(builder.Configuration.GetSection(ExtractionLimits.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ExtractionLimits>, ExtractionLimitsValidator>();
        builder.Services.AddSingleton<IDocumentExtractor, PdfTextExtractor>();
        builder.Services.AddSingleton<IDocumentExtractor, DocxTextExtractor>();
        builder.Services.AddSingleton<IDocumentExtractor, HtmlTextExtractor>();
        builder.Services.AddSingleton<IDocumentExtractor, PlainTextExtractor>();
        builder.Services.AddSingleton<IDocumentExtractor, EmailTextExtractor>();
        builder.Services.AddSingleton<DocumentExtractors>();
        builder.Services.AddOptions<ChunkingOptions>().Bind(builder.Configuration.GetSection(ChunkingOptions.SectionName));
        builder.Services.AddSingleton<TextChunker>();
        builder.Services.AddSingleton<ICitationExtractor, CitationExtractor>();

        builder.Services.AddDocumentPipeline();

        // Two documents embedding at once keep every model slot busy while one of them is between rounds.
        builder.Services.PostConfigure<QueueOptions>(o => o.ConcurrencyByKind.TryAdd(JobKinds.Embed, 2));
        return builder;
    }
}
