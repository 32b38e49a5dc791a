using LexIntel.WorkerService.Extraction;
using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService.Sandbox;

internal static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// The extractors under <c>LexIntel:Extraction</c>'s limits, run in sandbox processes as
    /// <c>LexIntel:Sandbox</c> says (or, with the sandbox off, in the worker).
    /// </summary>
    public static IHostApplicationBuilder AddTextExtraction(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ExtractionLimits>().Bind(builder.Configuration.GetSection(ExtractionLimits.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ExtractionLimits>, ExtractionLimitsValidator>();
        builder.Services.AddDocumentExtractors();

        builder.Services.AddOptions<SandboxOptions>().Bind(builder.Configuration.GetSection(SandboxOptions.SectionName)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>();
        builder.Services.AddSingleton<SandboxPool>();
        builder.Services.AddSingleton<ITextExtraction>(services => services.GetRequiredService<IOptions<SandboxOptions>>().Value.Enabled
            ? ActivatorUtilities.CreateInstance<SandboxedExtraction>(services)
            : ActivatorUtilities.CreateInstance<InProcessExtraction>(services));
        return builder;
    }
}
