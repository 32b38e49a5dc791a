using System.Text;
using LexIntel.Shared.Queue;
using LexIntel.Tests.Infrastructure;
using LexIntel.WorkerService.Extraction;
using Microsoft.Extensions.Options;

namespace LexIntel.Tests.Integration.Extraction;

/// <summary>RTF through the real unrtf and the HTML extractor: characters beyond ASCII, tables, and files built to break it.</summary>
[Tier(TestTier.Integration)]
public sealed class RtfTextExtractorTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static ExtractedDocument Extract(byte[] rtf, ExtractionLimits? limits = null) =>
        new RtfTextExtractor(Options.Create(limits ?? new ExtractionLimits())).Extract(new MemoryStream(rtf), Cancel);

    private static PermanentJobException Fail(byte[] rtf, ExtractionLimits? limits = null) =>
        Assert.Throws<PermanentJobException>(() => Extract(rtf, limits));

    [Fact]
    public void Code_page_and_unicode_characters_come_through_and_the_font_table_and_metadata_stay_out()
    {
        var document = Extract(SampleRtf.Claim());

        var page = Assert.Single(document.Pages);
        Assert.Equal(1, page.Number);
        Assert.Equal(
            [
                "COMPLAINT",
                "Plaintiff Hans Müller brings this action under 42 U.S.C. § 1983 against the City of Springfield.",
                "The City’s officers acted under color of state law and deprived him of “due process”.",
            ],
            Lines(page.Text));
    }

    [Fact]
    public void A_table_keeps_its_cells_apart_and_in_order()
    {
        var lines = Lines(Extract(SampleRtf.ExhibitTable()).Pages[0].Text);

        Assert.Equal(["Exhibits to the motion:", "Exhibit", "Description", "A", "Lease agreement of 2019", "B", "Notice of default", "After the table."], lines);
    }

    /// <summary>The text's lines that are not blank: unrtf ends each paragraph with a line break and a new line, which read as a blank line between paragraphs.</summary>
    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void An_rtf_with_only_formatting_fails_as_having_no_text()
    {
        var failure = Fail(SampleRtf.Empty());

        Assert.Equal(ExtractionFailures.NoTextCode, failure.Code);
        Assert.Equal("the RTF document contains no text", failure.Message);
    }

    [Fact]
    public void An_rtf_cut_short_keeps_the_text_it_has()
    {
        var claim = SampleRtf.Claim();

        var text = Extract(claim[..(claim.Length * 3 / 4)]).Pages[0].Text;

        Assert.Contains("Hans Müller", text, StringComparison.Ordinal);
    }

    /// <summary>unrtf reads groups recursively: this many overflow its stack.</summary>
    [Fact]
    public void Groups_nested_200000_deep_crash_the_converter_and_fail_as_corrupt()
    {
        var rtf = Encoding.ASCII.GetBytes(@"{\rtf1 " + new string('{', 200_000) + "x" + new string('}', 200_000) + "}");

        var failure = Fail(rtf);

        Assert.Equal("corrupt", failure.Code);
        Assert.StartsWith("the file could not be read as an RTF document: unrtf crashed on it (signal 11)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_rtf_whose_html_outgrows_the_decompressed_bytes_limit_fails_as_too_large_naming_it()
    {
        var paragraphs = string.Concat(Enumerable.Repeat(@"{\b\i\ul Counsel relies on 42 U.S.C. \'a7 1983.}\par ", 2_000));
        var rtf = Encoding.ASCII.GetBytes(@"{\rtf1\ansi " + paragraphs + "}");

        var failure = Fail(rtf, new ExtractionLimits { MaxDecompressedBytes = 64 * 1024 });

        Assert.Equal(ExtractionFailures.TooLargeCode, failure.Code);
        Assert.Equal(
            "the RTF file converts to more than 65,536 bytes, the most processed in one file (LexIntel:Extraction:MaxDecompressedBytes); split it into smaller files",
            failure.Message);
    }

    /// <summary>unrtf reads some 1.2 MB of formatted RTF a second on the build machine: this takes it several.</summary>
    [Fact]
    public void A_converter_running_past_its_timeout_is_killed_and_the_file_fails_as_timed_out_naming_the_limit()
    {
        var paragraphs = string.Concat(Enumerable.Repeat(@"{\b\i Counsel relies on 42 U.S.C. \'a7 1983 and \u8220\'93Monell\u8221\'94.}\par ", 100_000));
        var rtf = Encoding.ASCII.GetBytes(@"{\rtf1\ansi " + paragraphs + "}");
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var failure = Fail(rtf, new ExtractionLimits { ConverterTimeoutSeconds = 1 });

        Assert.Equal("timed_out", failure.Code);
        Assert.Equal(
            "converting the file as an RTF document took more than 1 seconds (LexIntel:Extraction:ConverterTimeoutSeconds); it may be built to hang a converter; if not, save it as .docx or PDF and upload that",
            failure.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public void An_rtf_with_more_text_than_allowed_fails_as_too_large_naming_the_limit()
    {
        var failure = Fail(SampleRtf.Claim(), new ExtractionLimits { MaxCharacters = 100 });

        Assert.Equal(ExtractionFailures.TooLargeCode, failure.Code);
        Assert.Contains("(LexIntel:Extraction:MaxCharacters)", failure.Message, StringComparison.Ordinal);
    }
}
