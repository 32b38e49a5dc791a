namespace LexIntel.Tests.EndToEnd.AccessMatrix;

/// <summary>
/// What one request of the matrix names: a resource's own case, document, conversation and key, or,
/// for a caller allowed to change them, fresh ones made like them, so that no allowed change
/// alters the resources the rest of the walk reads.
/// </summary>
internal sealed record MatrixTarget(MatrixResource Resource, Guid Case, Guid Document, Guid Conversation, Guid Key)
{
    public static MatrixTarget Of(MatrixResource resource) => new(resource, resource.Case, resource.Document, resource.Conversation, resource.Key);

    /// <summary>The user a members route names: one every matrix case has as a viewer.</summary>
    public const string MemberUser = "newcomer";

    /// <summary>The route's path with every parameter filled in from this target.</summary>
    public string PathOf(DocumentedRoute route) => route.Template
        .Replace("{caseId}", Case.ToString(), StringComparison.Ordinal)
        .Replace("{documentId}", Document.ToString(), StringComparison.Ordinal)
        .Replace("{conversationId}", Conversation.ToString(), StringComparison.Ordinal)
        .Replace("{keyId}", Key.ToString(), StringComparison.Ordinal)
        .Replace("{tenantId}", Resource.Tenant.ToString(), StringComparison.Ordinal)
        .Replace("{userId}", MemberUser, StringComparison.Ordinal)
        .Replace("{kind}", "extract", StringComparison.Ordinal)
        .Replace("{id}", "0-1", StringComparison.Ordinal)
        .Replace("{entryId}", "0-1", StringComparison.Ordinal);
}
