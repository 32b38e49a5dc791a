namespace LexIntel.ApiService.Admin;

public sealed record TenantResponse(Guid Id, string Name, DateTimeOffset CreatedAt, int CaseCount);
