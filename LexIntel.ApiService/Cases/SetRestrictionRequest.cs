namespace LexIntel.ApiService.Cases;

public sealed record SetRestrictionRequest(bool Restricted);
