namespace LexIntel.Shared.Documents;

/// <summary>The content types LexIntel ingests, as decided by <see cref="ContentSniffer"/>.</summary>
public static class DocumentContentTypes
{
    public const string Pdf = "application/pdf";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Html = "text/html";
    public const string PlainText = "text/plain";
    public const string Markdown = "text/markdown";
    public const string Email = "message/rfc822";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string Tiff = "image/tiff";
    public const string Doc = "application/msword";
    public const string Rtf = "application/rtf";

    /// <summary>What an accepted file is, in the words an error message uses.</summary>
    public const string AcceptedKinds = "a PDF, Word (.docx, .doc), RTF, HTML, plain text, Markdown or e-mail (.eml) file, or a scan as a PNG, JPEG or TIFF image";

    /// <summary>Scans and photos: their text is only there to be recognized (OCR).</summary>
    public static IReadOnlyList<string> Images { get; } = [Png, Jpeg, Tiff];

    public static IReadOnlyList<string> All { get; } = [Pdf, Docx, Html, PlainText, Markdown, Email, Doc, Rtf, .. Images];
}
