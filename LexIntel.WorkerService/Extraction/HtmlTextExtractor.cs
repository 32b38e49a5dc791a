using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using LexIntel.Shared.Documents;
using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService.Extraction;

/// <summary>
/// Visible HTML text: scripts, styles and templates dropped, block elements on lines of their own.
/// Nesting is bounded by <see cref="ExtractionLimits.MaxHtmlDepth"/> while the page is parsed, and
/// the text by <see cref="ExtractionLimits.MaxCharacters"/>; the tree is walked without recursion.
/// </summary>
public sealed class HtmlTextExtractor(IOptions<ExtractionLimits> limits) : IDocumentExtractor
{
    /// <summary>Nodes walked between two looks at the token.</summary>
    private const int NodesPerCheck = 4096;

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "noscript", "template", "head", "svg", "iframe" };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article",
        "header", "footer", "blockquote", "pre", "hr", "dd", "dt", "dl", "title", "main", "aside", "nav", "figcaption",
    };

    /// <summary>With the default limits, for tools and tests that run an extractor on its own.</summary>
    public HtmlTextExtractor()
        : this(Options.Create(new ExtractionLimits()))
    {
    }

    public IReadOnlyCollection<string> ContentTypes { get; } = [DocumentContentTypes.Html];

    public ExtractedDocument Extract(Stream content, CancellationToken cancellationToken) =>
        FromDocument(Parser(cancellationToken).ParseDocument(content), cancellationToken);

    /// <summary>Also used for the HTML body of e-mails.</summary>
    public ExtractedDocument FromHtml(string html, CancellationToken cancellationToken) =>
        FromDocument(Parser(cancellationToken).ParseDocument(html), cancellationToken);

    /// <summary>
    /// AngleSharp's tree builder searches its stack of open elements for most tags, so parsing costs
    /// the square of the nesting depth: 100,000 levels take minutes. The parser announces each element
    /// it creates; by then the element before it has been put in the tree, so a page is refused as
    /// soon as one element lies deeper than the limit, having cost at most the limit squared.
    /// AngleSharp's own depth limit (which flattens instead of refusing) sits just past ours.
    /// </summary>
    private HtmlParser Parser(CancellationToken cancellationToken)
    {
        var maxDepth = limits.Value.MaxHtmlDepth;
        IElement? previous = null;
        return new HtmlParser(new HtmlParserOptions
        {
            MaximumDepth = maxDepth + 1,
            OnCreated = (element, _) =>
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (previous is not null && Deeper(previous, maxDepth))
                {
                    throw ExtractionFailures.HtmlTooDeep(maxDepth);
                }

                previous = element;
            },
        });
    }

    /// <summary>Whether <paramref name="element"/> lies more than <paramref name="maxDepth"/> levels deep (the root at 1); walks at most that far up.</summary>
    private static bool Deeper(IElement element, int maxDepth)
    {
        var depth = 0;
        for (var current = element; current is not null; current = current.ParentElement)
        {
            if (++depth > maxDepth)
            {
                return true;
            }
        }

        return false;
    }

    private ExtractedDocument FromDocument(IDocument document, CancellationToken cancellationToken)
    {
        var budget = new TextBudget(limits.Value);
        var text = new StringBuilder();
        if (document.Title is { Length: > 0 } title)
        {
            budget.Spend(title.Length);
            text.AppendLine(title.Trim());
        }

        if (document.Body is not null)
        {
            Append(document.Body, text, budget, cancellationToken);
        }

        var extracted = ExtractedDocument.SinglePage(Normalize(text.ToString()));
        return extracted.HasText ? extracted : throw ExtractionFailures.NoText("the HTML page contains no visible text");
    }

    /// <summary>
    /// The text below <paramref name="root"/> in document order, walked with a stack of its own: a
    /// recursive walk overflows the thread's stack on a deep enough page, which ends the process.
    /// A null on the stack stands for the end of a block element, where a line break goes.
    /// </summary>
    private static void Append(INode root, StringBuilder text, TextBudget budget, CancellationToken cancellationToken)
    {
        var pending = new Stack<INode?>();
        PushChildren(root, pending);
        var walked = 0;
        while (pending.TryPop(out var node))
        {
            if (++walked % NodesPerCheck == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            switch (node)
            {
                case null:
                    text.Append('\n');
                    break;
                case IText t:
                    budget.Spend(t.Data.Length);
                    text.Append(t.Data);
                    break;
                case IElement e when Dropped.Contains(e.LocalName):
                    break;
                case IElement e:
                    if (Blocks.Contains(e.LocalName))
                    {
                        text.Append('\n');
                        pending.Push(null);
                    }

                    PushChildren(e, pending);
                    break;
            }
        }
    }

    private static void PushChildren(INode node, Stack<INode?> pending)
    {
        var children = node.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
        {
            pending.Push(children[i]);
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
