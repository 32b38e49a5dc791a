using LexIntel.Shared.Pipeline;
using LexIntel.Shared.Queue;

namespace LexIntel.WorkerService.Pipeline;

internal static class DocumentPipelineServiceCollectionExtensions
{
    /// <summary>
    /// Every <see cref="IDocumentStep"/> class of the worker, and one pipeline handler for each job
    /// kind of <see cref="DocumentPipeline"/>: a new step is its class and its line in the declaration.
    /// </summary>
    public static IServiceCollection AddDocumentPipeline(this IServiceCollection services)
    {
        services.AddHostedService<DocumentPipelineCheck>();
        services.AddScoped<DocumentStages>();
        services.AddScoped<AttachmentDocuments>();
        foreach (var step in typeof(IDocumentStep).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IDocumentStep))))
        {
            services.AddScoped(typeof(IDocumentStep), step);
        }

        foreach (var kind in DocumentPipeline.JobKinds)
        {
            services.AddJobHandler<DocumentPipelineHandler>(kind);
        }

        return services;
    }
}
