using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LexIntel.Shared.Embeddings;

public static class EmbeddingServiceCollectionExtensions
{
    /// <summary>The offline default: arctic-embed-xs on ONNX Runtime behind <see cref="IEmbeddingGenerator{TInput,TEmbedding}"/>.</summary>
    public static IHostApplicationBuilder AddLexIntelEmbeddings(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EmbeddingOptions>().Bind(builder.Configuration.GetSection(EmbeddingOptions.SectionName));
        builder.Services.AddSingleton<ArcticEmbedModel>();
        builder.Services.AddSingleton<ITokenCounter>(sp => sp.GetRequiredService<ArcticEmbedModel>());
        builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>, OnnxEmbeddingGenerator>();
        return builder;
    }
}
