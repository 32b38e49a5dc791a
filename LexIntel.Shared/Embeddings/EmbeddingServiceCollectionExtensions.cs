using System.ClientModel;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenAI;

namespace LexIntel.Shared.Embeddings;

public static class EmbeddingServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/> as configured: the offline default
    /// (arctic-embed-xs on ONNX Runtime) or an OpenAI-compatible endpoint. Chunks are always
    /// measured with arctic-embed-xs's tokenizer; with an endpoint, the tokenizer alone is loaded.
    /// </summary>
    public static IHostApplicationBuilder AddLexIntelEmbeddings(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(EmbeddingOptions.SectionName);
        builder.Services.AddOptions<EmbeddingOptions>()
            .Bind(section)
            .Validate(
                o => o.Provider != EmbeddingProvider.OpenAI || (o.Endpoint is { IsAbsoluteUri: true } && !string.IsNullOrWhiteSpace(o.Model)),
                "LexIntel:Embeddings:Provider=OpenAI needs LexIntel:Embeddings:Endpoint (an absolute URL ending in /v1) and LexIntel:Embeddings:Model.")
            .ValidateOnStart();

        if (section.GetValue(nameof(EmbeddingOptions.Provider), EmbeddingProvider.Onnx) == EmbeddingProvider.OpenAI)
        {
            builder.Services.AddSingleton<ITokenCounter>(sp => ArcticTokenizer.Load(sp.GetRequiredService<IOptions<EmbeddingOptions>>()));
            builder.Services.AddEmbeddingGenerator(CreateOpenAIGenerator)
                .ConfigureOptions(o => o.Dimensions ??= ArcticEmbedModel.Dimensions)
                .UseOpenTelemetry();
        }
        else
        {
            builder.Services.AddSingleton<ArcticEmbedModel>();
            builder.Services.AddSingleton<ITokenCounter>(sp => sp.GetRequiredService<ArcticEmbedModel>());
            builder.Services.AddEmbeddingGenerator(sp => new OnnxEmbeddingGenerator(sp.GetRequiredService<ArcticEmbedModel>(), sp.GetRequiredService<IOptions<EmbeddingOptions>>(), sp.GetService<TimeProvider>()));
        }

        return builder;
    }

    private static IEmbeddingGenerator<string, Embedding<float>> CreateOpenAIGenerator(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<EmbeddingOptions>>().Value;
        var client = new OpenAIClient(new ApiKeyCredential(options.ApiKey is { Length: > 0 } key ? key : "none"), new OpenAIClientOptions { Endpoint = options.Endpoint });
        return new DimensionCheckingEmbeddingGenerator(client.GetEmbeddingClient(options.Model).AsIEmbeddingGenerator(ArcticEmbedModel.Dimensions), options.Model!);
    }
}
