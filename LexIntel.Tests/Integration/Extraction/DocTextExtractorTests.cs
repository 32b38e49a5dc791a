using LexIntel.Shared.Queue;
using LexIntel.Tests.Infrastructure;
using LexIntel.WorkerService.Extraction;
using Microsoft.Extensions.Options;

namespace LexIntel.Tests.Integration.Extraction;

/// <summary>Legacy Word documents through the real antiword, the corpus's opinion and copies of it damaged the ways files are.</summary>
[Tier(TestTier.Integration)]
public sealed class DocTextExtractorTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ExtractedDocument Extract(byte[] doc, ExtractionLimits? limits = null) =>
        new DocTextExtractor(Options.Create(limits ?? new ExtractionLimits())).Extract(new MemoryStream(doc), Cancel);

    private static PermanentJobException Fail(byte[] doc, ExtractionLimits? limits = null) =>
        Assert.Throws<PermanentJobException>(() => Extract(doc, limits));

    [Fact]
    public void The_corpus_opinion_is_one_page_with_its_caption_its_paragraphs_unwrapped_and_its_section_signs()
    {
        var document = Extract(LegacyWordFiles.Original());

        var page = Assert.Single(document.Pages);
        Assert.Equal(1, page.Number);
        Assert.StartsWith("Attorneys for Appellant", page.Text.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("Indiana Supreme Court", page.Text, StringComparison.Ordinal);
        Assert.Contains("No. 49S00-0308-DP-392", page.Text, StringComparison.Ordinal);

        // A whole paragraph on one line: antiword would otherwise break it at 76 columns.
        Assert.Contains(page.Text.Split('\n'), line => line.StartsWith(LegacyWordFiles.BodyPhrase, StringComparison.Ordinal) && line.EndsWith("under Section 19.", StringComparison.Ordinal));
        Assert.Contains("Indiana Code § 35-50-2-9(f)", page.Text, StringComparison.Ordinal);

        // The footnote, which antiword puts after the body.
        Assert.Contains("deem the claim to be abandoned and procedurally forfeited", page.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.97)]
    public void A_doc_cut_short_fails_as_corrupt(double kept)
    {
        var failure = Fail(LegacyWordFiles.Truncated(kept));

        Assert.Equal("corrupt", failure.Code);
        Assert.StartsWith("the file could not be read as a Word document: antiword exited with code 1", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_doc_whose_allocation_table_is_lost_fails_as_corrupt_in_antiwords_words()
    {
        var failure = Fail(LegacyWordFiles.AllocationTableZeroed());

        Assert.Equal("corrupt", failure.Code);
        Assert.Equal("the file could not be read as a Word document: antiword exited with code 1: This OLE file does not contain a Word document", failure.Message);
    }

    [Fact]
    public void A_password_protected_doc_fails_as_encrypted()
    {
        var failure = Fail(LegacyWordFiles.MarkedEncrypted());

        Assert.Equal("encrypted", failure.Code);
        Assert.Equal("the file is encrypted or password-protected; upload an unprotected copy", failure.Message);
    }

    /// <summary>
    /// The opinion has some 6,800 characters: at 1,000 antiword writes more than three bytes a
    /// character allowed and is stopped; at 5,000 its output fits but the text does not.
    /// </summary>
    [Theory]
    [InlineData(1_000)]
    [InlineData(5_000)]
    public void A_doc_with_more_text_than_allowed_fails_as_too_large_naming_the_limit(long maxCharacters)
    {
        var failure = Fail(LegacyWordFiles.Original(), new ExtractionLimits { MaxCharacters = maxCharacters });

        Assert.Equal(ExtractionFailures.TooLargeCode, failure.Code);
        Assert.Contains($"more than {maxCharacters:N0} characters", failure.Message, StringComparison.Ordinal);
        Assert.Contains("(LexIntel:Extraction:MaxCharacters)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_opinion_converts_within_the_smallest_memory_allowed_to_converters()
    {
        var document = Extract(LegacyWordFiles.Original(), new ExtractionLimits { ConverterMemoryMiB = ExtractionLimitsValidator.ConverterMemoryMiBFloor });

        Assert.Contains(LegacyWordFiles.BodyPhrase, document.Pages[0].Text, StringComparison.Ordinal);
    }
}
