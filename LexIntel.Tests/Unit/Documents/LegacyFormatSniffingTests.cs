using System.Text;
using LexIntel.Shared.Documents;
using LexIntel.Shared.Storage;
using LexIntel.Tests.Infrastructure;

namespace LexIntel.Tests.Unit.Documents;

[Tier(TestTier.Unit)]
public sealed class LegacyFormatSniffingTests
{
    private static string? Sniff(byte[] bytes, string fileName) => ContentSniffer.Sniff(new MemoryStream(bytes), fileName);

    [Fact]
    public void The_corpus_doc_is_a_legacy_word_document_whatever_its_name()
    {
        Assert.Equal(DocumentContentTypes.Doc, Sniff(LegacyWordFiles.Original(), LegacyWordFiles.FileName));
        Assert.Equal(DocumentContentTypes.Doc, Sniff(LegacyWordFiles.Original(), "opinion.txt"));
    }

    [Fact]
    public void The_upload_sample_of_a_doc_tells_it_as_the_whole_file_does()
    {
        using var sample = ContentSample.Of(LegacyWordFiles.Original()).Open();

        Assert.Equal(DocumentContentTypes.Doc, ContentSniffer.Sniff(sample, "opinion.doc"));
    }

    [Theory]
    [InlineData("Workbook")]
    [InlineData("Book")]
    [InlineData("__substg1.0_0037001F")]
    public void A_compound_file_without_words_main_stream_is_not_taken(string mainStream)
    {
        var other = LegacyWordFiles.WithMainStreamNamed(mainStream);

        Assert.Equal("D0CF11E0A1B11AE1", Convert.ToHexString(other, 0, 8));
        Assert.Null(Sniff(other, "budget.doc"));
    }

    [Fact]
    public void A_doc_cut_short_before_its_directory_is_not_taken()
    {
        Assert.Null(Sniff(LegacyWordFiles.Truncated(0.5), "opinion.doc"));
    }

    [Fact]
    public void A_compound_file_header_over_noise_is_not_taken_and_reading_it_ends()
    {
        var noise = new byte[512 * 64];
        new Random(7).NextBytes(noise);
        LegacyWordFiles.Original().AsSpan(0, 512).CopyTo(noise);

        Assert.Null(Sniff(noise, "opinion.doc"));
        Assert.Null(Sniff(LegacyWordFiles.Noise(), "opinion.doc"));
    }

    [Fact]
    public void Rtf_is_rich_text_not_plain_text()
    {
        Assert.Equal(DocumentContentTypes.Rtf, Sniff(SampleRtf.Claim(), "claim.rtf"));
        Assert.Equal(DocumentContentTypes.Rtf, Sniff(SampleRtf.ExhibitTable(), "exhibits.txt"));
    }

    [Fact]
    public void Text_that_mentions_rtf_further_in_is_plain_text()
    {
        Assert.Equal(DocumentContentTypes.PlainText, Sniff(Encoding.ASCII.GetBytes(@"An RTF file begins with {\rtf1 and a font table."), "notes.txt"));
    }
}
