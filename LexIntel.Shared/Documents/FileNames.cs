using System.Text;

namespace LexIntel.Shared.Documents;

/// <summary>
/// Client-supplied file names are metadata only: storage keys are ids. What is kept is the last
/// path segment without control characters, so it cannot steer a download or a path anywhere.
/// </summary>
public static class FileNames
{
    public const int MaxLength = 255;
    public const string Fallback = "document";

    public static string Sanitize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return Fallback;
        }

        var lastSegment = name.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? string.Empty;
        var cleaned = new StringBuilder(lastSegment.Length);
        foreach (var c in lastSegment)
        {
            if (!char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?'))
            {
                cleaned.Append(c);
            }
        }

        var result = cleaned.ToString().Trim().TrimStart('.');
        if (result.Length > MaxLength)
        {
            var extension = Path.GetExtension(result);
            result = result[..(MaxLength - extension.Length)] + extension;
        }

        return result.Length == 0 ? Fallback : result;
    }
}
