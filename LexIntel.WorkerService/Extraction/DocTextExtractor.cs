using System.Text;
using LexIntel.Shared.Documents;
using LexIntel.WorkerService.Extraction.Tools;
using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService.Extraction;

/// <summary>
/// Legacy Word (.doc, Word 6 to 2003) text by antiword, run as a child process (see
/// <see cref="Converter"/>). A .doc says nothing reliable about pages (Word lays them out when it
/// opens the file) and antiword reports none, so its text is one page.
/// </summary>
public sealed class DocTextExtractor(IOptions<ExtractionLimits> limits) : IDocumentExtractor
{
    private const string Format = "a Word document";

    /// <summary>
    /// UTF-8 whatever the locale, and no wrapping (<c>-w 0</c>): a paragraph stays on one line, as
    /// Word has it, instead of being broken at 76 columns.
    /// </summary>
    private static readonly string[] Arguments = ["-m", "UTF-8.txt", "-w", "0", Converter.InputName];

    /// <summary>With the default limits, for tools and tests that run an extractor on its own.</summary>
    public DocTextExtractor()
        : this(Options.Create(new ExtractionLimits()))
    {
    }

    public IReadOnlyCollection<string> ContentTypes { get; } = [DocumentContentTypes.Doc];

    public ExtractedDocument Extract(Stream content, CancellationToken cancellationToken)
    {
        var limit = limits.Value;

        // UTF-8 takes at most three bytes for each UTF-16 character: more output is more text than allowed.
        var maxOutputBytes = (int)Math.Min(Array.MaxLength, 3 * limit.MaxCharacters);
        byte[] output;
        try
        {
            output = Converter.Run(content, "antiword", Arguments, maxOutputBytes, limit, Format, cancellationToken);
        }
        catch (ToolOutputTooLargeException)
        {
            throw ExtractionFailures.TooMuchText(limit.MaxCharacters);
        }
        catch (ToolFailedException ex) when (ex.Errors.Contains("Encrypted documents are not supported", StringComparison.Ordinal))
        {
            throw ExtractionFailures.Encrypted(ex);
        }
        catch (ToolFailedException ex)
        {
            throw ExtractionFailures.ConverterFailed(Format, ex);
        }

        var text = Encoding.UTF8.GetString(output);
        new TextBudget(limit).Spend(text.Length);
        var extracted = ExtractedDocument.SinglePage(text);
        return extracted.HasText ? extracted : throw ExtractionFailures.NoText("the Word document contains no text");
    }
}
