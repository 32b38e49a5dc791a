using System.Text;
using LexIntel.Shared.Documents;
using LexIntel.Shared.Queue;
using LexIntel.Tests.Infrastructure;
using LexIntel.WorkerService.Extraction;
using Microsoft.Extensions.Options;

namespace LexIntel.Tests.Unit.Extraction;

/// <summary>
/// Hostile files stop at the limits of <see cref="ExtractionLimits"/> while they are parsed, promptly
/// and without the memory they would take, each as a permanent failure naming its setting. The costs
/// are printed as diagnostic messages (<c>--xunit-diagnostics on</c>).
/// </summary>
[Tier(TestTier.Unit)]
public sealed class ExtractionLimitsTests
{
    private const long MiB = 1024 * 1024;

    /// <summary>A gigabyte of deflated operators in a megabyte, as in the report that led to these limits.</summary>
    private static readonly Lazy<byte[]> GigabyteBomb = new(() => HostileFiles.PdfDecompressionBomb(1024 * MiB));

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public void A_pdf_decompression_bomb_fails_at_the_decompressed_bytes_limit_promptly_and_without_inflating_into_memory()
    {
        var bomb = GigabyteBomb.Value;
        PermanentJobException? failure = null;

        var use = ResourceUse.Measure(() => failure = Fail(new PdfTextExtractor(), bomb));

        Report($"PDF bomb ({bomb.Length / 1024} KiB, inflating to 1 GiB)", use);
        Assert.Equal(ExtractionFailures.TooLargeCode, failure!.Code);
        Assert.Equal(
            "the PDF's compressed streams inflate to more than 104,857,600 bytes, the most processed in one file (LexIntel:Extraction:MaxDecompressedBytes); it may be a decompression bomb; if not, split it into smaller files",
            failure.Message);
        Assert.True(use.Elapsed < TimeSpan.FromSeconds(30), $"took {use}");
        Assert.True(use.AllocatedBytes < 64 * MiB, $"allocated: {use}");
        Assert.True(use.PeakWorkingSetGrowth < 256 * MiB, $"memory: {use}");
    }

    [Fact]
    public void A_deflated_pdf_within_the_limit_is_read_as_before()
    {
        using var content = new MemoryStream(HostileFiles.PdfDecompressionBomb(2 * MiB));

        var extracted = new PdfTextExtractor().Extract(content, Cancel);

        // One "a" for each drawing operator, in three blocks of 31,775.
        Assert.Equal(3 * 31_775, Assert.Single(extracted.Pages).Text.Count(c => c == 'a'));
    }

    [Fact]
    public void A_cancelled_extraction_stops_inside_the_inflating_and_is_not_taken_for_a_damaged_file()
    {
        var extractor = new PdfTextExtractor(Limits(l => l.MaxDecompressedBytes = long.MaxValue));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var use = ResourceUse.Measure(() => Assert.ThrowsAny<OperationCanceledException>(() => extractor.Extract(new MemoryStream(GigabyteBomb.Value), cancel.Token)));

        Assert.True(use.Elapsed < TimeSpan.FromSeconds(5), $"took {use}");
    }

    [Fact]
    public void A_pdf_with_more_pages_than_the_limit_fails_naming_it()
    {
        var failure = Fail(new PdfTextExtractor(Limits(l => l.MaxPdfPages = 4)), File.ReadAllBytes(TestData.CourtDocument("missouri.pdf")));

        Assert.Equal(ExtractionFailures.TooLargeCode, failure.Code);
        Assert.Equal("the PDF has 5 pages, more than the 4 processed in one file (LexIntel:Extraction:MaxPdfPages); split it into smaller files", failure.Message);
    }

    [Theory]
    [InlineData("missouri.pdf", DocumentContentTypes.Pdf)]
    [InlineData("word-docx.docx", DocumentContentTypes.Docx)]
    public void Text_past_the_character_limit_fails_naming_it(string file, string contentType)
    {
        var limits = Limits(l => l.MaxCharacters = 1_000);
        var extractors = new DocumentExtractors([new PdfTextExtractor(limits), new DocxTextExtractor(limits)]);

        var failure = Assert.Throws<PermanentJobException>(() => extractors.Extract(contentType, new MemoryStream(File.ReadAllBytes(TestData.CourtDocument(file))), Cancel));

        Assert.Equal(ExtractionFailures.TooLargeCode, failure.Code);
        Assert.Equal("the file holds more than 1,000 characters of text, the most processed in one file (LexIntel:Extraction:MaxCharacters); split it into smaller files", failure.Message);
    }

    [Fact]
    public void Html_nested_100000_deep_fails_as_too_deep_promptly_without_overflowing_the_stack()
    {
        var html = HostileFiles.DeeplyNestedHtml(100_000);
        PermanentJobException? failure = null;

        var use = ResourceUse.Measure(() => failure = Fail(new HtmlTextExtractor(), html));

        Report($"HTML nested 100,000 deep ({html.Length / 1024} KiB)", use);
        Assert.Equal(ExtractionFailures.TooDeepCode, failure!.Code);
        Assert.Equal(
            "the HTML nests elements more than 256 deep, the most processed (LexIntel:Extraction:MaxHtmlDepth); save the page again from a browser, or its text as a plain text file",
            failure.Message);
        Assert.True(use.Elapsed < TimeSpan.FromSeconds(10), $"took {use}");
    }

    [Fact]
    public void Html_as_deep_as_the_highest_limit_allows_is_walked_without_recursion()
    {
        var extractor = new HtmlTextExtractor(Limits(l => l.MaxHtmlDepth = ExtractionLimitsValidator.MaxHtmlDepthCeiling));
        ExtractedDocument? extracted = null;

        // html and body are the first two levels.
        var use = ResourceUse.Measure(() => extracted = extractor.Extract(new MemoryStream(HostileFiles.DeeplyNestedHtml(ExtractionLimitsValidator.MaxHtmlDepthCeiling - 2)), Cancel));

        Report("HTML nested 5,000 deep (the highest limit)", use);
        Assert.Equal("Deep\n\nThe deepest text.", Assert.Single(extracted!.Pages).Text);
    }

    [Fact]
    public void An_email_with_1000_attachments_hands_on_the_first_ones_up_to_the_limit_and_says_the_rest_were_left_out()
    {
        var eml = HostileFiles.EmailWithAttachments(1_000);
        ExtractedDocument? extracted = null;

        var use = ResourceUse.Measure(() => extracted = new EmailTextExtractor().Extract(new MemoryStream(eml), Cancel));

        Report($"E-mail with 1,000 attachments ({eml.Length / 1024} KiB)", use);
        Assert.Equal(Enumerable.Range(1, 100).Select(i => $"exhibit-{i}.bin"), extracted!.Attachments.Select(a => a.FileName));
        Assert.Contains("Here are the 1000 exhibits.", Assert.Single(extracted.Pages).Text, StringComparison.Ordinal);
        Assert.Equal(ExtractionFailures.TooLargeCode, extracted.AttachmentsLeftOut!.Code);
        Assert.Equal(
            "the e-mail has 1,000 attachments, more than the 100 processed in one e-mail (LexIntel:Extraction:MaxAttachments); the first 100 were added as documents; upload the others on their own",
            extracted.AttachmentsLeftOut.Message);
    }

    [Fact]
    public void An_emails_attachments_past_the_byte_limit_are_left_out_and_the_ones_before_kept()
    {
        // Each attachment is 207 bytes.
        var extractor = new EmailTextExtractor(Limits(l => l.MaxAttachmentBytes = 5 * 207 + 100));

        var extracted = extractor.Extract(new MemoryStream(HostileFiles.EmailWithAttachments(8)), Cancel);

        Assert.Equal(5, extracted.Attachments.Count);
        Assert.Equal(
            "the e-mail's attachments come to more than 1,135 bytes, the most processed in one e-mail (LexIntel:Extraction:MaxAttachmentBytes); the first 5 were added as documents; upload the others on their own",
            extracted.AttachmentsLeftOut!.Message);
    }

    [Fact]
    public void An_email_nested_100000_deep_fails_as_too_deep()
    {
        PermanentJobException? failure = null;

        var use = ResourceUse.Measure(() => failure = Fail(new EmailTextExtractor(), HostileFiles.DeeplyNestedEmail(100_000)));

        Report("E-mail nested 100,000 deep", use);
        Assert.Equal(ExtractionFailures.TooDeepCode, failure!.Code);
        Assert.Equal("the e-mail's parts nest more than 8 deep, the most processed (LexIntel:Extraction:MaxEmailDepth); save its attachments and upload them on their own", failure.Message);
    }

    [Fact]
    public void An_email_nested_as_deep_as_the_limit_is_read()
    {
        var extracted = new EmailTextExtractor().Extract(new MemoryStream(HostileFiles.DeeplyNestedEmail(7)), Cancel);

        Assert.Contains("The deepest text.", Assert.Single(extracted.Pages).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_text_file_stops_at_the_character_limit_having_read_little_more_than_it()
    {
        var file = new GeneratedTextStream(4L * 1024 * MiB);
        PermanentJobException? failure = null;

        var use = ResourceUse.Measure(() => failure = Assert.Throws<PermanentJobException>(() => new PlainTextExtractor().Extract(file, Cancel)));

        Report($"Text file of 4 GiB ({file.BytesRead / MiB} MiB of it read)", use);
        Assert.Equal(ExtractionFailures.TooLargeCode, failure!.Code);
        Assert.Contains("(LexIntel:Extraction:MaxCharacters)", failure.Message, StringComparison.Ordinal);
        Assert.True(file.BytesRead < 11 * MiB, $"read {file.BytesRead} bytes");
        Assert.True(use.AllocatedBytes < 256 * MiB, $"allocated: {use}");
    }

    [Fact]
    public void Text_is_decoded_a_block_at_a_time_with_pages_split_at_form_feeds_across_blocks()
    {
        var text = new string('x', 100_000) + "\f" + "Seite zwei: § 433 BGB" + "\f";

        var extracted = new PlainTextExtractor().Extract(new MemoryStream(Encoding.UTF8.GetBytes(text)), Cancel);

        Assert.Equal([new string('x', 100_000), "Seite zwei: § 433 BGB", string.Empty], extracted.Pages.Select(p => p.Text));
    }

    private static IOptions<ExtractionLimits> Limits(Action<ExtractionLimits> set)
    {
        var limits = new ExtractionLimits();
        set(limits);
        return Options.Create(limits);
    }

    private static PermanentJobException Fail(IDocumentExtractor extractor, byte[] content)
    {
        using var stream = new MemoryStream(content);
        return Assert.Throws<PermanentJobException>(() => extractor.Extract(stream, Cancel));
    }

    private static void Report(string what, ResourceUse use) => TestContext.Current.SendDiagnosticMessage($"{what}: {use}");
}
