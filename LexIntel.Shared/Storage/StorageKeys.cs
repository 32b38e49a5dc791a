using System.Text.RegularExpressions;

namespace LexIntel.Shared.Storage;

/// <summary>
/// Storage keys are made of ids joined by '/', never of a user-supplied name, so nothing a client
/// sends names a stored file; a store takes only keys of that shape.
/// </summary>
public static partial class StorageKeys
{
    /// <summary>The key of a document's original: <c>{tenant}/{case}/{document}</c>, each id as 32 hex digits.</summary>
    public static string ForDocument(Guid tenantId, Guid caseId, Guid documentId) => $"{tenantId:N}/{caseId:N}/{documentId:N}";

    /// <summary>The document whose original <paramref name="key"/> names; null for a key of any other shape.</summary>
    public static Guid? DocumentOf(string key) => IsValid(key) ? Guid.ParseExact(key[^32..], "N") : null;

    /// <summary>Whether <paramref name="key"/> has the shape of <see cref="ForDocument"/>.</summary>
    public static bool IsValid(string key) => KeyPattern().IsMatch(key);

    [GeneratedRegex("^[0-9a-f]{32}/[0-9a-f]{32}/[0-9a-f]{32}$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyPattern();
}
