namespace LexIntel.WorkerService.Extraction;

internal static class ExtractionServiceCollectionExtensions
{
    /// <summary>
    /// Every format's extractor and the <see cref="DocumentExtractors"/> that picks among them, with
    /// the <see cref="ExtractionLimits"/> options registered by the caller: the worker binds them from
    /// configuration, the sandbox takes the worker's with each request.
    /// </summary>
    public static IServiceCollection AddDocumentExtractors(this IServiceCollection services)
    {
        services.AddSingleton<IDocumentExtractor, PdfTextExtractor>();
        services.AddSingleton<IDocumentExtractor, DocxTextExtractor>();
        services.AddSingleton<IDocumentExtractor, HtmlTextExtractor>();
        services.AddSingleton<IDocumentExtractor, PlainTextExtractor>();
        services.AddSingleton<IDocumentExtractor, EmailTextExtractor>();
        services.AddSingleton<IDocumentExtractor, ImageExtractor>();
        services.AddSingleton<IDocumentExtractor, DocTextExtractor>();
        services.AddSingleton<IDocumentExtractor, RtfTextExtractor>();
        services.AddSingleton<DocumentExtractors>();
        return services;
    }
}
