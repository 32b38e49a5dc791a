namespace LexIntel.Shared.Data.Entities;

/// <summary>A user's explicit place in one case: a role on its team, or screened from it.</summary>
public sealed class CaseMember
{
    public Guid CaseId { get; set; }

    public Case? Case { get; set; }

    /// <summary>The user as the identity provider names them (the token's user claim).</summary>
    public required string UserId { get; set; }

    public CaseAccess Access { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
