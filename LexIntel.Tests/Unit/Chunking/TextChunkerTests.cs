using System.Text.RegularExpressions;
using LexIntel.Tests.Infrastructure;
using LexIntel.Tests.Unit.Embeddings;
using LexIntel.WorkerService.Chunking;
using LexIntel.WorkerService.Extraction;
using Microsoft.Extensions.Options;

namespace LexIntel.Tests.Unit.Chunking;

[Tier(TestTier.Unit)]
public sealed class TextChunkerTests(ArcticEmbedModelFixture model) : IClassFixture<ArcticEmbedModelFixture>
{
    private static readonly ChunkingOptions Options = new() { MaxTokens = 400, OverlapTokens = 60, WindowTokens = 150, WindowOverlapTokens = 25 };

    private TextChunker Chunker => new(model.Model, Microsoft.Extensions.Options.Options.Create(Options));

    private static DocumentText SlipOpinion()
    {
        using var stream = File.OpenRead(TestData.CourtDocument("vector-pdf.pdf"));
        return DocumentText.From(new PdfTextExtractor().Extract(stream, TestContext.Current.CancellationToken).Pages);
    }

    [Fact]
    public void Chunks_of_the_slip_opinion_cover_every_word_within_the_token_limit()
    {
        var document = SlipOpinion();

        var chunks = Chunker.Chunk(document);

        Assert.InRange(chunks.Count, 20, 200);
        Assert.Equal(Enumerable.Range(0, chunks.Count), chunks.Select(c => c.Ordinal));
        Assert.All(chunks, c =>
        {
            Assert.Equal(document.Text[c.CharStart..c.CharEnd], c.Text);
            Assert.InRange(c.TokenCount, 1, Options.MaxTokens);
            Assert.Equal(model.Model.CountTokens(c.Text), c.TokenCount);
        });

        var covered = new bool[document.Text.Length];
        foreach (var chunk in chunks)
        {
            Array.Fill(covered, true, chunk.CharStart, chunk.CharEnd - chunk.CharStart);
        }

        var uncovered = Regex.Matches(document.Text, @"\S+").Where(w => !covered[w.Index]).Select(w => w.Value).ToList();
        Assert.Empty(uncovered);
    }

    [Fact]
    public void Consecutive_chunks_overlap_by_at_most_the_overlap_and_mostly_end_at_sentence_ends()
    {
        var chunks = Chunker.Chunk(SlipOpinion());

        foreach (var (previous, next) in chunks.Zip(chunks.Skip(1)))
        {
            Assert.True(next.CharStart > previous.CharStart, "chunking must advance");
            Assert.True(next.CharStart <= previous.CharEnd, $"gap between chunk {previous.Ordinal} and {next.Ordinal}");
            var shared = previous.CharEnd - next.CharStart;
            if (shared > 0)
            {
                Assert.True(model.Model.CountTokens(previous.Text[^shared..]) <= Options.OverlapTokens);
            }
        }

        var overlapping = chunks.Zip(chunks.Skip(1)).Count(pair => pair.Second.CharStart < pair.First.CharEnd);
        Assert.True(overlapping > chunks.Count / 2, $"only {overlapping} of {chunks.Count - 1} chunks overlap the next");
        var sentenceEnds = chunks.Count(c => Regex.IsMatch(c.Text, @"[.!?:;][""”’)\]]?$"));
        Assert.True(sentenceEnds >= chunks.Count * 0.7, $"only {sentenceEnds} of {chunks.Count} chunks end at a sentence end");
    }

    [Fact]
    public void Page_ranges_follow_the_text()
    {
        var pages = new[]
        {
            new ExtractedPage(1, string.Join(' ', Enumerable.Repeat("Alpha beta gamma.", 200))),
            new ExtractedPage(2, "Short second page."),
            new ExtractedPage(3, string.Join(' ', Enumerable.Repeat("Delta epsilon zeta.", 200))),
        };
        var document = DocumentText.From(pages);

        var chunks = Chunker.Chunk(document);

        Assert.Equal(1, chunks[0].PageStart);
        Assert.Equal(3, chunks[^1].PageEnd);
        Assert.Contains(chunks, c => c.PageStart <= 2 && c.PageEnd >= 2 && c.Text.Contains("Short second page.", StringComparison.Ordinal));
        Assert.All(chunks, c =>
        {
            Assert.True(c.PageStart <= c.PageEnd);
            Assert.Equal(document.PageAt(c.CharStart), c.PageStart);
            Assert.Equal(document.PageAt(c.CharEnd - 1), c.PageEnd);
        });
        Assert.All(chunks.Where(c => c.Text.Contains("Delta", StringComparison.Ordinal) && !c.Text.Contains("Alpha", StringComparison.Ordinal)), c => Assert.Equal(3, c.PageStart));
    }

    [Fact]
    public void A_single_sentence_longer_than_a_chunk_is_split_at_words()
    {
        var endless = string.Join(' ', Enumerable.Range(0, 2_000).Select(i => $"word{i}"));

        var chunks = Chunker.Chunk(DocumentText.From([new ExtractedPage(1, endless)]));

        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.InRange(c.TokenCount, 1, Options.MaxTokens));
        Assert.EndsWith("word1999", chunks[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_passages_windows_cover_it_within_the_window_limit()
    {
        var chunks = Chunker.Chunk(SlipOpinion());
        var passage = chunks.First(c => c.TokenCount > 2 * Options.WindowTokens).Text;

        var windows = Chunker.Windows(passage);

        Assert.InRange(windows.Count, 3, 5);
        Assert.Equal(0, windows[0].Start);
        Assert.Equal(passage.TrimEnd().Length, windows[^1].End);
        Assert.All(windows, w =>
        {
            Assert.InRange(w.Tokens, 1, Options.WindowTokens);
            Assert.Equal(model.Model.CountTokens(passage[w.Start..w.End]), w.Tokens);
        });
        foreach (var (previous, next) in windows.Zip(windows.Skip(1)))
        {
            Assert.InRange(next.Start, previous.Start + 1, previous.End);
            Assert.InRange(model.Model.CountTokens(passage[next.Start..previous.End]), 0, Options.WindowOverlapTokens);
        }
    }

    [Fact]
    public void A_passage_that_fits_in_one_window_has_none_of_its_own()
    {
        var chunks = Chunker.Chunk(SlipOpinion());
        var passage = chunks.First(c => c.TokenCount > Options.WindowTokens).Text;
        var off = new TextChunker(model.Model, Microsoft.Extensions.Options.Options.Create(new ChunkingOptions { WindowTokens = 0 }));

        Assert.Empty(Chunker.Windows("The motion is denied."));
        Assert.Empty(off.Windows(passage));
        Assert.NotEmpty(Chunker.Windows(passage));
    }
}
