namespace LexIntel.ApiService.Admin;

public sealed record ProvisionTenantRequest(string? Name);
