using LexIntel.WorkerService.Extraction;
using LexIntel.WorkerService.Ocr;
using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService.Sandbox;

internal static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// The extractors under <c>LexIntel:Extraction</c>'s limits and OCR as <c>LexIntel:Ocr</c> says,
    /// run in sandbox processes as <c>LexIntel:Sandbox</c> says (or, with the sandbox off, in the worker).
    /// </summary>
    public static IHostApplicationBuilder AddTextExtraction(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ExtractionLimits>().Bind(builder.Configuration.GetSection(ExtractionLimits.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ExtractionLimits>, ExtractionLimitsValidator>();
        builder.Services.AddDocumentExtractors();

        builder.Services.AddOptions<OcrOptions>().Bind(builder.Configuration.GetSection(OcrOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OcrOptions>, OcrOptionsValidator>();

        builder.Services.AddOptions<SandboxOptions>().Bind(builder.Configuration.GetSection(SandboxOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>();
        builder.Services.AddSingleton<SandboxPool>();
        builder.Services.AddSingleton<ITextExtraction>(services => services.GetRequiredService<IOptions<SandboxOptions>>().Value.Enabled
            ? ActivatorUtilities.CreateInstance<SandboxedExtraction>(services)
            : ActivatorUtilities.CreateInstance<InProcessExtraction>(services));
        return builder;
    }
}
