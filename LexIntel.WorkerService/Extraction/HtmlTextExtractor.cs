using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using LexIntel.Shared.Documents;

namespace LexIntel.WorkerService.Extraction;

/// <summary>Visible HTML text: scripts, styles and templates dropped, block elements on lines of their own.</summary>
public sealed class HtmlTextExtractor : IDocumentExtractor
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template", "head", "svg", "iframe" };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
        "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "dl", "title", "main", "aside", "nav", "figcaption",
    };

    public IReadOnlyCollection<string> ContentTypes { get; } = [DocumentContentTypes.Html];

    public ExtractedDocument Extract(Stream content, CancellationToken cancellationToken)
    {
        var document = new HtmlParser().ParseDocument(content);
        return FromDocument(document);
    }

    /// <summary>Also used for the HTML body of e-mails.</summary>
    public static ExtractedDocument FromHtml(string html) => FromDocument(new HtmlParser().ParseDocument(html));

    private static ExtractedDocument FromDocument(IDocument document)
    {
        var text = new StringBuilder();
        if (document.Title is { Length: > 0 } title)
        {
            text.AppendLine(title.Trim());
        }

        if (document.Body is not null)
        {
            Append(document.Body, text);
        }

        var extracted = ExtractedDocument.SinglePage(Normalize(text.ToString()));
        return extracted.HasText ? extracted : throw ExtractionFailures.NoText("the HTML page contains no visible text");
    }

    private static void Append(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(t.Data);
                    break;
                case IElement e when Dropped.Contains(e.LocalName):
                    break;
                case IElement e:
                    var block = Blocks.Contains(e.LocalName);
                    if (block)
                    {
                        text.Append('\n');
                    }

                    Append(e, text);
                    if (block)
                    {
                        text.Append('\n');
                    }

                    break;
            }
        }
    }

    /// <summary>Collapses runs of spaces within lines and of blank lines between them.</summary>
    private static string Normalize(string text)
    {
        var lines = text.Split('\n').Select(l => string.Join(' ', l.Split([' ', '\t', '\r', '\u00A0'], StringSplitOptions.RemoveEmptyEntries)));
        var result = new StringBuilder();
        var blank = 0;
        foreach (var line in lines)
        {
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            if (result.Length > 0)
            {
                result.Append(blank > 0 ? "\n\n" : "\n");
            }

            result.Append(line);
            blank = 0;
        }

        return result.ToString();
    }
}
