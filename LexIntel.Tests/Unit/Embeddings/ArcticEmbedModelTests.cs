using LexIntel.Shared.Embeddings;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace LexIntel.Tests.Unit.Embeddings;

[Tier(TestTier.Unit)]
public sealed class ArcticEmbedModelTests(ArcticEmbedModelFixture fixture) : IClassFixture<ArcticEmbedModelFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double dot = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
        }

        return dot;
    }

    [Fact]
    public async Task Embeddings_are_unit_length_384_dimensional_and_deterministic()
    {
        var generator = new OnnxEmbeddingGenerator(fixture.Model, Options.Create(new EmbeddingOptions { Parallelism = 2 }));
        string[] texts = ["The court granted the motion to dismiss.", "Summary judgment was denied."];

        var first = await generator.GenerateAsync(texts, cancellationToken: Cancel);
        var again = await generator.GenerateAsync([texts[1]], cancellationToken: Cancel);

        Assert.Equal(2, first.Count);
        Assert.All(first, e =>
        {
            Assert.Equal(ArcticEmbedModel.Dimensions, e.Vector.Length);
            Assert.Equal(1.0, Math.Sqrt(Cosine(e.Vector.Span, e.Vector.Span)), precision: 4);
        });

        // The same text embeds the same alone as in a padded batch.
        Assert.Equal(1.0, Cosine(first[1].Vector.Span, again[0].Vector.Span), precision: 4);
    }

    [Fact]
    public async Task A_paraphrase_scores_above_an_unrelated_passage()
    {
        var generator = new OnnxEmbeddingGenerator(fixture.Model, Options.Create(new EmbeddingOptions { Parallelism = 2 }));
        var query = ArcticEmbedModel.QueryPrefix + "Did the judge throw the case out?";
        string[] passages =
        [
            "The district court dismissed the complaint for failure to state a claim.",
            "The recipe calls for two cups of flour and a pinch of salt.",
        ];

        var embeddings = await generator.GenerateAsync([query, .. passages], cancellationToken: Cancel);

        var related = Cosine(embeddings[0].Vector.Span, embeddings[1].Vector.Span);
        var unrelated = Cosine(embeddings[0].Vector.Span, embeddings[2].Vector.Span);
        Assert.True(related > unrelated + 0.05, $"related {related:F3} vs unrelated {unrelated:F3}");
    }

    [Fact]
    public async Task A_request_spanning_several_batches_run_in_parallel_keeps_its_order()
    {
        var generator = new OnnxEmbeddingGenerator(fixture.Model, Options.Create(new EmbeddingOptions { Parallelism = 2 }));
        var texts = Enumerable.Range(1, fixture.Model.MaxBatchSize * 2 + 3).Select(i => $"Paragraph {i}: the appellant's brief number {i * 7} was filed late.").ToList();

        var all = await generator.GenerateAsync(texts, cancellationToken: Cancel);

        Assert.Equal(texts.Count, all.Count);
        foreach (var i in new[] { 0, fixture.Model.MaxBatchSize, texts.Count - 1 })
        {
            var alone = await generator.GenerateAsync([texts[i]], cancellationToken: Cancel);

            // Not exactly 1: the int8 model scales activations per batch, so companions shift a vector slightly.
            Assert.InRange(Cosine(all[i].Vector.Span, alone[0].Vector.Span), 0.995, 1.0001);
            Assert.True(Cosine(all[i].Vector.Span, alone[0].Vector.Span) > Cosine(all[(i + 1) % texts.Count].Vector.Span, alone[0].Vector.Span), "vectors came back out of order");
        }
    }

    [Fact]
    public void Tokens_are_counted_with_the_models_own_vocabulary_including_non_ascii_text()
    {
        Assert.Equal(0, fixture.Model.CountTokens(string.Empty));
        Assert.InRange(fixture.Model.CountTokens("The court"), 2, 3);
        Assert.InRange(fixture.Model.CountTokens("Der Käufer hat den Vertrag angefochten."), 5, 20);
        Assert.Equal(512, fixture.Model.MaxTokens);
    }

    [Fact]
    public async Task Non_ascii_text_is_not_reduced_to_unknown_tokens()
    {
        var generator = new OnnxEmbeddingGenerator(fixture.Model, Options.Create(new EmbeddingOptions { Parallelism = 2 }));

        var embeddings = await generator.GenerateAsync(["Käufer", "Verkäufer", "[UNK]"], cancellationToken: Cancel);

        Assert.True(Cosine(embeddings[0].Vector.Span, embeddings[2].Vector.Span) < 0.95, "Käufer embeds like the unknown token");
        Assert.NotEqual(embeddings[0].Vector.ToArray(), embeddings[1].Vector.ToArray());
    }
}
