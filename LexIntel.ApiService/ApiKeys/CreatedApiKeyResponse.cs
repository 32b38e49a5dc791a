namespace LexIntel.ApiService.ApiKeys;

/// <summary>A new key: <see cref="Key"/> is shown this once; send it as <c>Authorization: ApiKey {key}</c>.</summary>
public sealed record CreatedApiKeyResponse(string Key, ApiKeyResponse Details);
