using System.Globalization;
using System.Text;

namespace LexIntel.Shared.Documents;

/// <summary>
/// Client-supplied file names are metadata only: storage keys are ids. What is kept is the last
/// path segment without control or format characters, so it cannot steer a download or a path
/// anywhere, nor display as something it is not.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 255;
    public const string Fallback = "document";

    // Longer, or with white space in it, what follows the last dot is part of the name
    // ("Smith v. Jones …"), not a file type worth keeping through truncation.
    private const int MaxExtensionLength = 16;

    public static string Sanitize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Fallback;
        }

        var lastSegment = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? string.Empty;
        var cleaned = new StringBuilder(lastSegment.Length);

        // By rune, so an unpaired surrogate becomes U+FFFD instead of a string PostgreSQL cannot store.
        foreach (var rune in lastSegment.EnumerateRunes())
        {
            // Format characters are invisible; bidi overrides among them make "invoice\u202Efdp.exe" display as "invoiceexe.pdf".
            if (Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control or UnicodeCategory.Format)
                && rune.Value is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))
            {
                cleaned.Append(rune);
            }
        }

        var result = cleaned.ToString().Trim().TrimStart('.');
        return result.Length == 0 ? Fallback : Truncate(result);
    }

    /// <summary>At most <see cref="MaxLength"/> characters, a file type kept at the end.</summary>
    private static string Truncate(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        if (extension.Length > MaxExtensionLength || extension.Any(char.IsWhiteSpace))
        {
            extension = string.Empty;
        }

        var length = MaxLength - extension.Length;
        if (char.IsHighSurrogate(name[length - 1]))
        {
            length--;
        }

        return name[..length].TrimEnd() + extension;
    }
}
