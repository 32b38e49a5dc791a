using System.Text;
using LexIntel.Shared.Documents;
using MimeKit;

namespace LexIntel.WorkerService.Extraction;

/// <summary>
/// An e-mail as its headers and body (the plain-text part, else the HTML part as text); its
/// attachments are handed back to be ingested as documents of their own.
/// </summary>
public sealed class EmailTextExtractor : IDocumentExtractor
{
    public IReadOnlyCollection<string> ContentTypes { get; } = [DocumentContentTypes.Email];

    public ExtractedDocument Extract(Stream content, CancellationToken cancellationToken)
    {
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(content, cancellationToken);
        }
        catch (FormatException ex)
        {
            throw ExtractionFailures.Corrupt("an e-mail message", ex);
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
        else if (message.HtmlBody is { Length: > 0 } html)
        {
            text.Append(HtmlTextExtractor.FromHtml(html).Pages[0].Text);
        }

        var attachments = new List<ExtractedAttachment>();
        foreach (var attachment in message.Attachments.OfType<MimePart>())
        {
            using var bytes = new MemoryStream();
            attachment.Content?.DecodeTo(bytes, cancellationToken);
            var name = attachment.FileName is { Length: > 0 } fileName ? fileName : $"attachment-{attachments.Count + 1}";
            attachments.Add(new ExtractedAttachment(name, bytes.ToArray()));
        }

        return new ExtractedDocument([new ExtractedPage(1, text.ToString())], attachments);
    }

    private static void AppendHeader(StringBuilder text, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            text.Append(name).Append(": ").AppendLine(value);
        }
    }
}
