using System.Text;
using LexIntel.Shared.Documents;
using LexIntel.Shared.Queue;
using LexIntel.WorkerService.Extraction.Tools;
using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService.Extraction;

/// <summary>
/// RTF text by unrtf, run as a child process (see <see cref="Converter"/>), as HTML read by
/// <see cref="HtmlTextExtractor"/>: unrtf's HTML keeps every character (its plain text is Latin-1
/// and drops the rest) and puts table cells on lines of their own (its plain text runs a table's
/// rows together). RTF has no pages of its own, so its text is one page.
/// </summary>
public sealed class RtfTextExtractor(IOptions<ExtractionLimits> limits) : IDocumentExtractor
{
    private const string Format = "an RTF document";

    /// <summary>No pictures (unrtf would write each to its folder) and no comment naming unrtf.</summary>
    private static readonly string[] Arguments = ["--html", "--nopict", "--quiet", Converter.InputName];

    private readonly HtmlTextExtractor html = new(limits);

    /// <summary>With the default limits, for tools and tests that run an extractor on its own.</summary>
    public RtfTextExtractor()
        : this(Options.Create(new ExtractionLimits()))
    {
    }

    public IReadOnlyCollection<string> ContentTypes { get; } = [DocumentContentTypes.Rtf];

    public ExtractedDocument Extract(Stream content, CancellationToken cancellationToken)
    {
        var limit = limits.Value;
        byte[] output;
        try
        {
            output = Converter.Run(content, "unrtf", Arguments, (int)Math.Min(Array.MaxLength, limit.MaxDecompressedBytes), limit, Format, cancellationToken);
        }
        catch (ToolOutputTooLargeException)
        {
            throw ExtractionFailures.ConvertedTooLarge("RTF", limit.MaxDecompressedBytes);
        }
        catch (ToolFailedException ex)
        {
            throw ExtractionFailures.ConverterFailed(Format, ex);
        }

        try
        {
            return html.FromHtml(Encoding.UTF8.GetString(output), cancellationToken);
        }
        catch (PermanentJobException ex) when (ex.Code == ExtractionFailures.NoTextCode)
        {
            throw ExtractionFailures.NoText("the RTF document contains no text");
        }
    }
}
