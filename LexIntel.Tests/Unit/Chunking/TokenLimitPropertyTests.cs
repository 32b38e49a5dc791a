using CsCheck;
using LexIntel.Shared.Embeddings;
using LexIntel.Tests.Unit.Embeddings;
using LexIntel.WorkerService.Chunking;
using LexIntel.WorkerService.Extraction;
using Microsoft.Extensions.Options;

namespace LexIntel.Tests.Unit.Chunking;

/// <summary>
/// Random and adversarial text (runs without a space: underscores of a signature line, dots of a
/// table of contents, a base64 blob, a URL; CJK, emoji, control characters) through normalization,
/// the chunker and the model: no chunk holds more tokens than the limit, and the model embeds every
/// chunk, however the text was made.
/// </summary>
[Tier(TestTier.Unit)]
public sealed class TokenLimitPropertyTests(ArcticEmbedModelFixture model) : IClassFixture<ArcticEmbedModelFixture>
{
    private const int MaxTokens = 120;

    private static readonly Gen<string> Piece = Gen.OneOf(
        Gen.String[Gen.Char["abcdefghij "], 1, 80],
        Gen.Int[1, 3000].Select(n => new string('_', n)),
        Gen.Int[1, 2000].Select(n => new string('.', n)),
        Gen.Int[1, 1500].Select(n => string.Concat(Enumerable.Repeat("QmFzZTY0+/", n))),
        Gen.Int[1, 400].Select(n => "https://ecf.cand.uscourts.gov/doc1/" + string.Concat(Enumerable.Repeat("035123456789?caseid=", n))),
        Gen.String[Gen.Char['\u4e00', '\u9fff'], 1, 600],
        Gen.Int[1, 500].Select(n => string.Concat(Enumerable.Repeat("😀⚖️", n))),
        Gen.String[Gen.Char, 1, 200]);

    private static readonly Gen<string> Text = Piece.Array[1, 12].Select(pieces => string.Join(' ', pieces));

    [Fact]
    public void No_chunk_exceeds_the_token_limit_and_every_chunk_embeds()
    {
        var chunker = new TextChunker(model.Model, Options.Create(new ChunkingOptions { MaxTokens = MaxTokens, OverlapTokens = 20 }));
        Text.Sample(
            raw =>
            {
                var text = TextNormalization.Normalize(raw);
                var chunks = chunker.Chunk(DocumentText.From([new ExtractedPage(1, text)]));

                Assert.All(chunks, c =>
                {
                    Assert.InRange(c.TokenCount, 1, MaxTokens);
                    Assert.InRange(model.Model.CountTokens(c.Text), 1, MaxTokens);
                });
                foreach (var batch in chunks.Chunk(model.Model.MaxBatchSize))
                {
                    Assert.Equal(batch.Length, model.Model.Embed([.. batch.Select(c => c.Text)]).Length);
                }
            },
            iter: 60);
    }

    [Fact]
    public void The_model_cuts_an_over_long_text_to_its_window_instead_of_failing()
    {
        string[] texts = [string.Join(' ', Enumerable.Repeat("plaintiff", 2000)), new string('_', 5000)];

        var vectors = model.Model.Embed(texts);

        Assert.Equal(2, vectors.Length);
        Assert.All(vectors, v => Assert.Equal(ArcticEmbedModel.Dimensions, v.Length));
    }
}
