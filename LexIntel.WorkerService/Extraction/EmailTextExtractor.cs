using System.Text;
using LexIntel.Shared.Documents;
using LexIntel.Shared.Queue;
using Microsoft.Extensions.Options;
using MimeKit;

namespace LexIntel.WorkerService.Extraction;

/// <summary>
/// An e-mail as its headers and body (the plain-text part, else the HTML part as text); its
/// attachments are handed back to be ingested as documents of their own, as many and as large as
/// <see cref="ExtractionLimits"/> allows.
/// </summary>
public sealed class EmailTextExtractor(IOptions<ExtractionLimits> limits) : IDocumentExtractor
{
    private readonly HtmlTextExtractor html = new(limits);

    /// <summary>With the default limits, for tools and tests that run an extractor on its own.</summary>
    public EmailTextExtractor()
        : this(Options.Create(new ExtractionLimits()))
    {
    }

    public IReadOnlyCollection<string> ContentTypes { get; } = [DocumentContentTypes.Email];

    public ExtractedDocument Extract(Stream content, CancellationToken cancellationToken)
    {
        var limit = limits.Value;
        MimeMessage message;
        try
        {
            // MimeKit parses nested parts recursively; past its depth it stops nesting and keeps the
            // rest as one part, which is what shows the nesting went deeper than the limit.
            message = MimeMessage.Load(new ParserOptions { MaxMimeDepth = limit.MaxEmailDepth }, content, cancellationToken);
        }
        catch (FormatException ex)
        {
            throw ExtractionFailures.Corrupt("an e-mail message", ex);
        }

        if (Depth(message.Body) > limit.MaxEmailDepth)
        {
            throw ExtractionFailures.EmailTooDeep(limit.MaxEmailDepth);
        }

        var text = new StringBuilder();
        AppendHeader(text, "From", message.From.ToString());
        AppendHeader(text, "To", message.To.ToString());
        AppendHeader(text, "Cc", message.Cc.ToString());
        AppendHeader(text, "Date", message.Date == DateTimeOffset.MinValue ? string.Empty : message.Date.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        AppendHeader(text, "Subject", message.Subject);
        text.AppendLine();

        if (message.TextBody is { Length: > 0 } plain)
        {
            text.Append(plain);
        }
        else if (message.HtmlBody is { Length: > 0 } htmlBody)
        {
            text.Append(html.FromHtml(htmlBody, cancellationToken).Pages[0].Text);
        }

        new TextBudget(limit).Spend(text.Length);
        var (attachments, leftOut) = Attachments(message, limit, cancellationToken);
        return new ExtractedDocument([new ExtractedPage(1, text.ToString())], attachments, leftOut);
    }

    /// <summary>
    /// The attachments in order, up to the count and byte limits. Those past a limit are left out,
    /// and the breach is handed back to be reported once the ones within it are stored.
    /// </summary>
    private static (IReadOnlyList<ExtractedAttachment> Attachments, PermanentJobException? LeftOut) Attachments(
        MimeMessage message, ExtractionLimits limit, CancellationToken cancellationToken)
    {
        var attachments = new List<ExtractedAttachment>();
        long bytes = 0;
        var parts = message.Attachments.OfType<MimePart>().ToList();
        foreach (var attachment in parts)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attachments.Count == limit.MaxAttachments)
            {
                return (attachments, ExtractionFailures.TooManyAttachments(parts.Count, limit.MaxAttachments));
            }

            // Decoding never yields more than the encoded part, which the parsed message holds already.
            using var decoded = new MemoryStream();
            attachment.Content?.DecodeTo(decoded, cancellationToken);
            bytes += decoded.Length;
            if (bytes > limit.MaxAttachmentBytes)
            {
                return (attachments, ExtractionFailures.AttachmentsTooLarge(limit.MaxAttachmentBytes, attachments.Count));
            }

            var name = attachment.FileName is { Length: > 0 } fileName ? fileName : $"attachment-{attachments.Count + 1}";
            attachments.Add(new ExtractedAttachment(name, decoded.ToArray()));
        }

        return (attachments, null);
    }

    /// <summary>How deep the parts nest, the body at 1: multiparts hold parts, attached messages a body.</summary>
    private static int Depth(MimeEntity? body)
    {
        var deepest = 0;
        var pending = new Stack<(MimeEntity Entity, int Depth)>();
        if (body is not null)
        {
            pending.Push((body, 1));
        }

        while (pending.TryPop(out var part))
        {
            deepest = Math.Max(deepest, part.Depth);
            switch (part.Entity)
            {
                case Multipart multipart:
                    foreach (var child in multipart)
                    {
                        pending.Push((child, part.Depth + 1));
                    }

                    break;
                case MessagePart { Message.Body: { } attached }:
                    pending.Push((attached, part.Depth + 1));
                    break;
            }
        }

        return deepest;
    }

    private static void AppendHeader(StringBuilder text, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.Append(name).Append(": ").AppendLine(value);
        }
    }
}
