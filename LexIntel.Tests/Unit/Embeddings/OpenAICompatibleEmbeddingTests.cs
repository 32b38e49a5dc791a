using System.Text.Json.Nodes;
using LexIntel.Shared.Embeddings;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LexIntel.Tests.Unit.Embeddings;

/// <summary>
/// The endpoint provider against a small local server that speaks the OpenAI embeddings wire
/// protocol (what OpenAI, Ollama's /v1 and vLLM answer).
/// </summary>
[Tier(TestTier.Integration)]
public sealed class OpenAICompatibleEmbeddingTests : IAsyncLifetime
{
    private readonly List<(string? Authorization, JsonObject Body)> requests = [];
    private WebApplication server = null!;
    private int dimensions = ArcticEmbedModel.Dimensions;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        server = builder.Build();
        server.MapPost("/v1/embeddings", async (HttpRequest request) =>
        {
            var body = (await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted))!.AsObject();
            lock (requests)
            {
                requests.Add((request.Headers.Authorization.ToString(), body));
            }

            var inputs = body["input"]!.AsArray();
            var data = inputs.Select((input, i) => new
            {
                @object = "embedding",
                index = i,
                embedding = Enumerable.Range(0, dimensions).Select(d => d == i % dimensions ? 1f : 0f).ToArray(),
            });
            return Results.Json(new { @object = "list", data, model = body["model"]!.GetValue<string>(), usage = new { prompt_tokens = 3, total_tokens = 3 } });
        });
        await server.StartAsync(Cancel);
    }

    public async ValueTask DisposeAsync() => await server.DisposeAsync();

    private IEmbeddingGenerator<string, Embedding<float>> Generator(string? endpoint = null) =>
        Services(endpoint).GetRequiredService<IEmbeddingGenerator<string, Embedding<float>>>();

    private IServiceProvider Services(string? endpoint = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["LexIntel:Embeddings:Provider"] = "OpenAI";
        builder.Configuration["LexIntel:Embeddings:Endpoint"] = endpoint ?? $"{server.Urls.First()}/v1";
        builder.Configuration["LexIntel:Embeddings:Model"] = "text-embedding-3-small";
        builder.Configuration["LexIntel:Embeddings:ApiKey"] = "sk-test";
        builder.AddLexIntelEmbeddings();
        return builder.Build().Services;
    }

    [Fact]
    public void Chunks_are_still_measured_with_the_local_tokenizer_without_loading_the_local_model()
    {
        var tokens = Services().GetRequiredService<ITokenCounter>();

        Assert.IsType<ArcticTokenizer>(tokens);
        Assert.Equal(0, tokens.CountTokens(string.Empty));
        Assert.InRange(tokens.CountTokens("The court"), 2, 3);
        Assert.Equal(512, tokens.MaxTokens);
    }

    [Fact]
    public async Task Passages_go_to_the_configured_endpoint_and_model_asking_for_384_dimensions()
    {
        var embeddings = await Generator().GenerateAsync(["The motion is denied.", "Affirmed."], cancellationToken: Cancel);

        Assert.Equal(2, embeddings.Count);
        Assert.All(embeddings, e => Assert.Equal(ArcticEmbedModel.Dimensions, e.Vector.Length));
        Assert.Equal(1f, embeddings[1].Vector.Span[1]);
        var (authorization, body) = Assert.Single(requests);
        Assert.Equal("Bearer sk-test", authorization);
        Assert.Equal("text-embedding-3-small", body["model"]!.GetValue<string>());
        Assert.Equal(ArcticEmbedModel.Dimensions, body["dimensions"]!.GetValue<int>());
        Assert.Equal(["The motion is denied.", "Affirmed."], body["input"]!.AsArray().Select(i => i!.GetValue<string>()));
    }

    [Fact]
    public async Task A_model_answering_with_another_size_is_refused_with_a_reason()
    {
        dimensions = 768;

        var error = await Assert.ThrowsAsync<EmbeddingDimensionMismatchException>(() => Generator().GenerateAsync(["Affirmed."], cancellationToken: Cancel));

        Assert.Contains("returned 768 dimensions; the index stores 384", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_endpoint_provider_without_an_endpoint_is_a_configuration_error()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["LexIntel:Embeddings:Provider"] = "OpenAI";
        builder.AddLexIntelEmbeddings();

        var error = Assert.Throws<OptionsValidationException>(() => builder.Build().Services.GetRequiredService<IOptions<EmbeddingOptions>>().Value);

        Assert.Contains("needs LexIntel:Embeddings:Endpoint", error.Message, StringComparison.Ordinal);
    }
}
