using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using LexIntel.Shared.Documents;
using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService.Extraction;

/// <summary>
/// Word text per page, pages split where Word last rendered a page break or where the author put a
/// hard one. Parts are size-capped so a zip bomb fails instead of filling memory, and the text is
/// bounded by <see cref="ExtractionLimits.MaxCharacters"/>.
/// </summary>
public sealed class DocxTextExtractor(IOptions<ExtractionLimits> limits) : IDocumentExtractor
{
    /// <summary>With the default limits, for tools and tests that run an extractor on its own.</summary>
    public DocxTextExtractor()
        : this(Options.Create(new ExtractionLimits()))
    {
    }

    public IReadOnlyCollection<string> ContentTypes { get; } = [DocumentContentTypes.Docx];

    public ExtractedDocument Extract(Stream content, CancellationToken cancellationToken)
    {
        var limit = limits.Value;
        var text = new TextBudget(limit);
        try
        {
            // The SDK counts a part's characters as it reads them; each takes two bytes in memory.
            using var document = WordprocessingDocument.Open(content, isEditable: false, new OpenSettings { MaxCharactersInPart = limit.MaxDecompressedBytes / sizeof(char) });
            var body = document.MainDocumentPart?.Document?.Body
                ?? throw ExtractionFailures.NoText("the Word document has no body");

            var pages = new List<ExtractedPage>();
            var page = new StringBuilder();
            foreach (var paragraph in body.Descendants<Paragraph>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var element in paragraph.Descendants())
                {
                    switch (element)
                    {
                        case LastRenderedPageBreak:
                        case Break { Type.Value: var type } when type == BreakValues.Page:
                            if (page.Length > 0)
                            {
                                pages.Add(new ExtractedPage(pages.Count + 1, page.ToString()));
                                page.Clear();
                            }

                            break;
                        case Text run:
                            text.Spend(run.Text.Length);
                            page.Append(run.Text);
                            break;
                        case TabChar:
                            page.Append('\t');
                            break;
                        case Break or CarriageReturn:
                            page.Append('\n');
                            break;
                    }
                }

                page.Append('\n');
            }

            pages.Add(new ExtractedPage(pages.Count + 1, page.ToString()));
            var extracted = new ExtractedDocument(pages, []);
            return extracted.HasText ? extracted : throw ExtractionFailures.NoText("the Word document contains no text");
        }
        catch (OpenXmlPackageException ex) when (ex.Message.Contains("encrypt", StringComparison.OrdinalIgnoreCase))
        {
            throw ExtractionFailures.Encrypted(ex);
        }
        catch (Exception ex) when (ex is System.Xml.XmlException or InvalidDataException && ex.Message.Contains("MaxCharacters", StringComparison.Ordinal))
        {
            throw ExtractionFailures.WordPartTooLarge(limit.MaxDecompressedBytes);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException or IOException)
        {
            throw ExtractionFailures.Corrupt("a Word document", ex);
        }
    }
}
