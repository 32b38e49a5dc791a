using LexIntel.Shared.Data.Entities;

namespace LexIntel.ApiService.Cases;

public sealed record CaseResponse(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, int DocumentCount)
{
    internal static CaseResponse From(Case entity, int documentCount) =>
        new(entity.Id, entity.Name, entity.CreatedAt, entity.UpdatedAt, documentCount);
}
