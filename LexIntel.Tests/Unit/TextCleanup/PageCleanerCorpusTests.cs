using System.Text.RegularExpressions;
using LexIntel.Tests.Infrastructure;
using LexIntel.Tests.Unit.Embeddings;
using LexIntel.WorkerService.Chunking;
using LexIntel.WorkerService.Extraction;
using LexIntel.WorkerService.TextCleanup;
using Microsoft.Extensions.Options;

namespace LexIntel.Tests.Unit.TextCleanup;

/// <summary>The page cleanup on real filings: what goes is furniture and nothing else.</summary>
[Tier(TestTier.Unit)]
public sealed partial class PageCleanerCorpusTests(ArcticEmbedModelFixture model) : IClassFixture<ArcticEmbedModelFixture>
{
    private TextChunker Chunker => new(model.Model, Options.Create(new ChunkingOptions { MaxTokens = 300, OverlapTokens = 45 }));

    private static IReadOnlyList<ExtractedPage> Extract(string path)
    {
        using var stream = File.OpenRead(path);
        return new PdfTextExtractor().Extract(stream, TestContext.Current.CancellationToken).Pages;
    }

    public static TheoryData<string> StampedFilings() => [.. TestData.StampedFilings().Select(Path.GetFileName).Where(n => n != "ca4_17.pdf").Cast<string>()];

    private static string PathOf(string name) =>
        File.Exists(Path.Combine(TestData.RecapFilings, name)) ? Path.Combine(TestData.RecapFilings, name) : TestData.CourtDocument(name);

    [Theory]
    [MemberData(nameof(StampedFilings))]
    public void No_chunk_of_a_stamped_filing_contains_its_filing_stamp(string name)
    {
        var pages = Extract(PathOf(name));
        Assert.Contains(pages, p => LooseStamp().IsMatch(p.Text));

        var cleaned = PageCleaner.Clean(pages);
        var chunks = Chunker.Chunk(DocumentText.From([.. cleaned.Pages.Select(p => p.Page)]));

        Assert.NotEmpty(chunks);
        Assert.All(chunks, c => Assert.DoesNotMatch(LooseStamp(), c.Text));
        Assert.NotNull(cleaned.DocketNumber);
        Assert.NotNull(cleaned.FiledOn);
    }

    [Theory]
    [MemberData(nameof(StampedFilings))]
    public void Only_furniture_words_go_and_hyphenated_words_are_joined(string name)
    {
        var pages = Extract(PathOf(name));
        var cleaned = PageCleaner.Clean(pages);

        var before = Words(pages.Select(p => p.Text));
        var after = Words(cleaned.Pages.Select(p => p.Page.Text));
        var furniture = Words(cleaned.Pages.SelectMany(p => p.Furniture));

        // Every word that went is a furniture word, and every furniture word went.
        var gone = Minus(before, after);
        var appeared = Minus(after, before);
        foreach (var joined in appeared.ToList())
        {
            // A hyphenated word put together: its two halves went, not as furniture.
            var split = Enumerable.Range(1, joined.Length - 1).FirstOrDefault(i => gone.Contains(joined[..i]) && gone.Contains(joined[i..]));
            Assert.True(split > 0, $"'{joined}' appeared without its halves going");
            gone.Remove(joined[..split]);
            gone.Remove(joined[split..]);
            appeared.Remove(joined);
        }

        Assert.Empty(appeared);
        Assert.Equal(furniture.Order(StringComparer.Ordinal), gone.Order(StringComparer.Ordinal));
        Assert.All(cleaned.Pages.Zip(pages), p => Assert.Equal(p.Second.Number, p.First.Page.Number));
    }

    [Fact]
    public void The_district_stamp_gives_the_docket_number_and_the_filing_date()
    {
        var cleaned = PageCleaner.Clean(Extract(Path.Combine(TestData.RecapFilings, "gov.uscourts.cand.321939.161.0.pdf")));

        Assert.Equal("3:18-cv-00572", cleaned.DocketNumber);
        Assert.Equal(new DateOnly(2018, 11, 27), cleaned.FiledOn);
        Assert.Contains("APPLE’S REPLY IN SUPPORT OF ITS MOTION TO DISMISS", cleaned.Pages[4].Furniture);
    }

    [Fact]
    public void The_appellate_stamp_gives_the_docket_number_and_the_filing_date()
    {
        var cleaned = PageCleaner.Clean(Extract(TestData.CourtDocument("ca1_00117684624.pdf")));

        Assert.Equal("20-1507", cleaned.DocketNumber);
        Assert.Equal(new DateOnly(2020, 12, 22), cleaned.FiledOn);
    }

    [Fact]
    public void A_sentence_across_a_page_break_is_whole_in_one_chunk()
    {
        var cleaned = PageCleaner.Clean(Extract(Path.Combine(TestData.RecapFilings, "gov.uscourts.cacd.657892.196.1.pdf")));
        var text = DocumentText.From([.. cleaned.Pages.Select(p => p.Page)]);
        var chunks = Chunker.Chunk(text);

        const string Sentence = "the same level of intellectual rigor that characterizes the practice of an expert in the relevant field";
        var chunk = Assert.Single(chunks, c => Normalize(c.Text).Contains(Sentence, StringComparison.Ordinal));
        Assert.Equal((9, 10), (chunk.PageStart, chunk.PageEnd));
        Assert.Equal(10, text.PageAt(text.Text.IndexOf("characterizes the practice", StringComparison.Ordinal)));
        Assert.Equal(9, text.PageAt(text.Text.IndexOf("intellectual rigor that", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_slip_opinion_begins_with_its_caption_without_the_running_page_number()
    {
        var cleaned = PageCleaner.Clean(Extract(TestData.CourtDocument("vector-pdf.pdf")));

        Assert.StartsWith("(Slip Opinion) OCTOBER TERM, 2012\nSyllabus", cleaned.Pages[0].Page.Text, StringComparison.Ordinal);
        Assert.Equal(["1"], cleaned.Pages[0].Furniture);
        Assert.All(cleaned.Pages.Skip(1).Take(27), p => Assert.False(p.Page.Text.StartsWith($"{p.Page.Number} ", StringComparison.Ordinal)));
    }

    private static string Normalize(string text) => Whitespace().Replace(text, " ");

    /// <summary>Words as letters and digits, split at hyphens and where a capitalised word was glued to capitals ("ONLYCase").</summary>
    private static List<string> Words(IEnumerable<string> texts) =>
        [.. texts.SelectMany(t => Word().Matches(t.Replace('-', ' ')).Select(m => m.Value))];

    private static List<string> Minus(List<string> from, List<string> take)
    {
        var rest = new List<string>(from);
        foreach (var word in take)
        {
            rest.Remove(word);
        }

        return rest;
    }

    /// <summary>Any line shaped like a CM/ECF stamp, looser than the cleaner's pattern.</summary>
    [GeneratedRegex(@"(Case|Appeal):?\s+\S+\s*,?\s+(Document|Doc|ECF No\.):?\s+\d", RegexOptions.CultureInvariant)]
    private static partial Regex LooseStamp();

    [GeneratedRegex(@"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
