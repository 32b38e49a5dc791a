namespace LexIntel.ApiService.Cases;

public sealed record CreateCaseRequest(string? Name);
