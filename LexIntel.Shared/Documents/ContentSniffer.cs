using System.IO.Compression;
using System.Text;

namespace LexIntel.Shared.Documents;

/// <summary>
/// Decides a file's type from its bytes, not its name or the client's claim: a PDF may start with
/// junk before <c>%PDF-</c> (the corpus's broken-mime.pdf starts with CRLF), a DOCX is a zip with a
/// Word part, a legacy .doc a compound file with a Word stream, e-mail starts with RFC 5322 headers.
/// The file name only tells Markdown from plain text.
/// </summary>
public static class ContentSniffer
{
    private const int HeadLength = 8192;

    // Viewers accept a PDF header anywhere in the first kilobyte; so do we.
    private const int PdfHeaderWindow = 1024;

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', (byte)'\r', (byte)'\n', 0x1A, (byte)'\n'];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    private static readonly string[] EmailHeaders =
        ["from:", "to:", "subject:", "date:", "received:", "return-path:", "message-id:", "mime-version:", "delivered-to:", "reply-to:", "x-"];

    /// <summary>The content type of the seekable <paramref name="content"/>, or null when it is none LexIntel reads.</summary>
    public static string? Sniff(Stream content, string? fileName)
    {
        var head = new byte[HeadLength];
        content.Position = 0;
        var read = content.ReadAtLeast(head, HeadLength, throwOnEndOfStream: false);
        content.Position = 0;
        var bytes = head.AsSpan(0, read);
        if (read == 0)
        {
            return null;
        }

        if (bytes[..Math.Min(read, PdfHeaderWindow)].IndexOf("%PDF-"u8) >= 0)
        {
            return DocumentContentTypes.Pdf;
        }

        if (ImageType(bytes) is { } image)
        {
            return image;
        }

        if (bytes.StartsWith("PK\x03\x04"u8))
        {
            return IsWordDocument(content) ? DocumentContentTypes.Docx : null;
        }

        // Excel workbooks and Outlook messages are compound files too; Word's have its main stream.
        if (bytes.StartsWith(CompoundFile.Signature))
        {
            return CompoundFile.HasTopLevelStream(content, "WordDocument") ? DocumentContentTypes.Doc : null;
        }

        // Before the text formats: RTF reads as plain text, or (with embedded binary data) as no text.
        if (bytes.StartsWith("{\\rtf"u8))
        {
            return DocumentContentTypes.Rtf;
        }

        if (!LooksLikeText(bytes))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (LooksLikeHtml(text))
        {
            return DocumentContentTypes.Html;
        }

        if (LooksLikeEmail(text))
        {
            return DocumentContentTypes.Email;
        }

        var extension = Path.GetExtension(fileName ?? string.Empty).ToLowerInvariant();
        return extension is ".md" or ".markdown" ? DocumentContentTypes.Markdown : DocumentContentTypes.PlainText;
    }

    /// <summary>The image formats scanners write, by their signatures.</summary>
    private static string? ImageType(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(PngSignature) ? DocumentContentTypes.Png
        : bytes.StartsWith(JpegSignature) ? DocumentContentTypes.Jpeg
        : bytes.StartsWith("II*\0"u8) || bytes.StartsWith("MM\0*"u8) ? DocumentContentTypes.Tiff
        : null;

    private static bool IsWordDocument(Stream content)
    {
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            return zip.GetEntry("word/document.xml") is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>No NUL bytes and few control characters: text in some 8-bit or UTF encoding.</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\xFF\xFE"u8) || bytes.StartsWith("\xFE\xFF"u8))
        {
            return true;
        }

        var control = 0;
        foreach (var b in bytes)
        {
            if (b == 0)
            {
                return false;
            }

            if (b < 0x20 && b is not (byte)'\n' and not (byte)'\r' and not (byte)'\t' and not 0x0C)
            {
                control++;
            }
        }

        return control <= bytes.Length / 100;
    }

    private static bool LooksLikeHtml(string text) =>
        text.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase)
        || (text.StartsWith('<') && (text.Contains("<body", StringComparison.OrdinalIgnoreCase) || text.Contains("<head", StringComparison.OrdinalIgnoreCase)));

    /// <summary>At least two header lines before the first blank line, one of them a well-known header.</summary>
    private static bool LooksLikeEmail(string text)
    {
        var headerLines = 0;
        var known = false;
        foreach (var line in text.Split('\n').Take(50))
        {
            var trimmed = line.TrimEnd('\r');
            if (trimmed.Length == 0)
            {
                break;
            }

            if (trimmed[0] is ' ' or '\t')
            {
                continue;
            }

            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || trimmed[..colon].Any(c => c is ' ' or '\t'))
            {
                return false;
            }

            headerLines++;
            var name = trimmed[..(colon + 1)].ToLowerInvariant();
            known |= EmailHeaders.Any(h => name.StartsWith(h, StringComparison.Ordinal));
        }

        return headerLines >= 2 && known;
    }
}
