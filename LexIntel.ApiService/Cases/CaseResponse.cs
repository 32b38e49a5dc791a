using LexIntel.Shared.Data.Entities;

namespace LexIntel.ApiService.Cases;

/// <summary>A case; <see cref="Restricted"/>: only its members see it.</summary>
public sealed record CaseResponse(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int DocumentCount, bool Restricted)
{
    internal static CaseResponse From(Case entity, int documentCount) =>
        new(entity.Id, entity.Name, entity.CreatedAt, entity.UpdatedAt, documentCount, entity.Restricted);
}
