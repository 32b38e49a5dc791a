using LexIntel.ApiService.Ask;
using LexIntel.Shared.Documents;
using LexIntel.Tests.Unit.Chunking;
using LexIntel.WorkerService.Chunking;
using LexIntel.WorkerService.Extraction;
using Microsoft.Extensions.Options;

namespace LexIntel.Tests.Unit.Documents;

/// <summary>The quoting sentence splitter (API) and the chunker (worker) agree on which periods end no sentence.</summary>
[Tier(TestTier.Unit)]
public sealed class LegalAbbreviationsTests
{
    private static readonly TextChunker Chunker = new(new WordTokenCounter(), Options.Create(new ChunkingOptions { MaxTokens = 10, OverlapTokens = 0 }));

    public static TheoryData<string> Words => [.. LegalAbbreviations.Words.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Whether the chunker ends a chunk after <paramref name="word"/>: with one token a word and ten
    /// a chunk, that word is the only break candidate in the first chunk's second half, so the
    /// chunk ends there if and only if the chunker takes it for a sentence end.
    /// </summary>
    private static bool ChunkerEndsSentenceAfter(string word, string next)
    {
        var text = $"one two three four five six {word} {next} eight nine ten eleven";
        return Chunker.Chunk(DocumentText.From([new ExtractedPage(1, text)]))[0].Text.EndsWith($" {word}", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("court.", "The")]
    [InlineData("1983.", "The")]
    [InlineData("affirmed.”", "Id.")]
    public void A_sentence_end_ends_a_chunk(string word, string next)
    {
        Assert.True(ChunkerEndsSentenceAfter(word, next));
    }

    [Theory]
    [InlineData("Fed.", "R.")]
    [InlineData("(Fed.", "R.")]
    [InlineData("Civ.", "P.")]
    [InlineData("U.S.", "544")]
    [InlineData("Evid.", "702")]
    [InlineData("Gen.", "Motors")]
    [InlineData("J.", "Smith")]
    public void The_chunker_does_not_end_a_sentence_at_a_citation_abbreviation(string word, string next)
    {
        Assert.False(ChunkerEndsSentenceAfter(word, next));
    }

    [Theory]
    [InlineData("See Fed. R. Civ. P. 12(b)(6).")]
    [InlineData("Bell Atlantic Corp. v. Twombly, 550 U.S. 544 (2007).")]
    [InlineData("See Gen. Motors Corp. v. Romein, 503 U.S. 181 (1992).")]
    public void The_sentence_splitter_does_not_end_a_sentence_at_a_citation_abbreviation(string citation)
    {
        Assert.Equal([citation, "The court agreed."], SentenceSplitter.Split($"{citation} The court agreed."));
    }

    [Theory]
    [MemberData(nameof(Words))]
    public void Neither_splitter_ends_a_sentence_at_a_listed_abbreviation(string abbreviation)
    {
        var word = $"{char.ToUpperInvariant(abbreviation[0])}{abbreviation[1..]}.";

        Assert.False(ChunkerEndsSentenceAfter(word, "Next"));
        Assert.Single(SentenceSplitter.Split($"See {word} Next to it."));
    }
}
