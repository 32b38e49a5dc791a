using LexIntel.Shared.Data.Entities;

namespace LexIntel.Tests.EndToEnd.AccessMatrix;

/// <summary>
/// One kind of caller of the access matrix: who they are (null tenant and user for callers the API
/// must not recognize, or an operator).
/// </summary>
internal sealed class MatrixCaller(string name, HttpClient client, Guid? tenant = null, string? user = null, bool isTenantAdmin = false, bool isOperator = false) : IDisposable
{
    public string Name { get; } = name;

    public HttpClient Client { get; } = client;

    public Guid? Tenant { get; } = tenant;

    public string? User { get; } = user;

    public bool IsTenantAdmin { get; } = isTenantAdmin;

    public bool IsOperator { get; } = isOperator;

    /// <summary>A caller the API must refuse to recognize (401 everywhere).</summary>
    public bool IsUnauthenticated => Tenant is null && !IsOperator;

    /// <summary>
    /// The caller's access to the case of <paramref name="resource"/> as the issue states the rule,
    /// written here independently of the API's code: another tenant's case is unknown; a screen hides
    /// a case whatever else the caller is; a member has their named role; a restricted case is its
    /// members' only; any other case is the tenant's admins' to own and its members' to edit.
    /// </summary>
    public CaseAccess? AccessTo(MatrixResource resource)
    {
        if (Tenant != resource.Tenant || User is null)
        {
            return null;
        }

        if (resource.Members.TryGetValue(User, out var named))
        {
            return named == CaseAccess.Screened ? null : named;
        }

        return resource.Restricted ? null : IsTenantAdmin ? CaseAccess.Owner : CaseAccess.Editor;
    }

    /// <summary>Conversations are their user's own: seen by that user only, and only while they see its case.</summary>
    public bool SeesConversationOf(MatrixResource resource) => User == resource.ConversationUser && AccessTo(resource) is not null;

    public override string ToString() => Name;

    public void Dispose() => Client.Dispose();
}
