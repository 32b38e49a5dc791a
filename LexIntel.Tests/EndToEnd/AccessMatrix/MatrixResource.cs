using LexIntel.Shared.Data.Entities;

namespace LexIntel.Tests.EndToEnd.AccessMatrix;

/// <summary>
/// A case of the matrix with what hangs off it (a processed document, a conversation, its tenant's
/// API key), how it is shared, and the made-up words only it holds (in its name, its document's name
/// and text, its conversation's title): finding one of them in an answer to someone who may not see
/// the case is a leak.
/// </summary>
internal sealed class MatrixResource
{
    public required string Name { get; init; }

    public required Guid Tenant { get; init; }

    public required Guid Case { get; init; }

    public required string CaseName { get; init; }

    public required Guid Document { get; init; }

    public required Guid Conversation { get; init; }

    public required string ConversationUser { get; init; }

    public required Guid Key { get; init; }

    public required bool Restricted { get; init; }

    /// <summary>Every member the case names, its creator (an owner) included.</summary>
    public required IReadOnlyDictionary<string, CaseAccess> Members { get; init; }

    /// <summary>The word in the case's name and its document's name and text.</summary>
    public required string Marker { get; init; }

    /// <summary>The word in its conversation's title.</summary>
    public required string ConversationMarker { get; init; }

    /// <summary>Who created the case, and so may make another like it.</summary>
    public required HttpClient Creator { get; init; }

    /// <summary>Who holds its conversation.</summary>
    public required HttpClient ConversationHolder { get; init; }

    /// <summary>An admin of its tenant, who makes its API keys.</summary>
    public required HttpClient TenantAdmin { get; init; }

    public override string ToString() => Name;
}
