namespace LexIntel.Shared.Storage;

/// <summary>
/// Storage keys are made of ids joined by '/', never of a user-supplied name, so nothing a client
/// sends reaches the file system; a store resolves only keys of that shape.
/// </summary>
public static class StorageKeys
{
    /// <summary>The key of a document's original.</summary>
    public static string ForDocument(Guid tenantId, Guid caseId, Guid documentId) => $"{tenantId:N}/{caseId:N}/{documentId:N}";

    /// <summary>The document whose original <paramref name="key"/> names; null for a key of any other shape.</summary>
    public static Guid? DocumentOf(string key) =>
        key.Split('/') is [var tenant, var caseId, var document]
        && Guid.TryParseExact(tenant, "N", out _) && Guid.TryParseExact(caseId, "N", out _) && Guid.TryParseExact(document, "N", out var documentId)
            ? documentId
            : null;

    /// <summary>Whether <paramref name="key"/> stays below a store's root, whatever the root is.</summary>
    public static bool IsContained(string key) =>
        key.Length > 0 && !key.Contains("..", StringComparison.Ordinal) && !Path.IsPathRooted(key) && !key.Contains('\\', StringComparison.Ordinal);
}
