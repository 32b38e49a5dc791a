using LexIntel.Shared.Data.Entities;

namespace LexIntel.ApiService.Cases;

/// <summary>A case; <see cref="Restricted"/>: only its members see it.</summary>
/// <param name="Access">What the caller may do in it (<c>owner</c>, <c>editor</c>, <c>viewer</c>), so a front end offers only that.</param>
public sealed record CaseResponse(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int DocumentCount, bool Restricted, string Access)
{
    internal static CaseResponse From(Case entity, int documentCount, CaseAccess access) =>
        new(entity.Id, entity.Name, entity.CreatedAt, entity.UpdatedAt, documentCount, entity.Restricted, access.ToString().ToLowerInvariant());
}
