namespace LexIntel.ApiService.Cases;

public sealed record SetCaseMemberRequest(string? Access);
