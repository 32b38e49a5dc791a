using LexIntel.Shared.Embeddings;
using Microsoft.Extensions.AI;

namespace LexIntel.Tests.Unit.Embeddings;

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
        var generator = new OnnxEmbeddingGenerator(fixture.Model);
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
        var generator = new OnnxEmbeddingGenerator(fixture.Model);
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
        var generator = new OnnxEmbeddingGenerator(fixture.Model);

        var embeddings = await generator.GenerateAsync(["Käufer", "Verkäufer", "[UNK]"], cancellationToken: Cancel);

        Assert.True(Cosine(embeddings[0].Vector.Span, embeddings[2].Vector.Span) < 0.95, "Käufer embeds like the unknown token");
        Assert.NotEqual(embeddings[0].Vector.ToArray(), embeddings[1].Vector.ToArray());
    }
}
