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
    public const string Doc = "application/msword";
    public const string Rtf = "application/rtf";

    /// <summary>What an accepted file is, in the words an error message uses.</summary>
    public const string AcceptedKinds = "a PDF, Word (.docx, .doc), RTF, HTML, plain text, Markdown or e-mail (.eml) file";

    public static IReadOnlyList<string> All { get; } = [Pdf, Docx, Html, PlainText, Markdown, Email, Doc, Rtf];
}
