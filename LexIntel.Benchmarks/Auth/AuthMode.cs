using System.Net.Http.Headers;

namespace LexIntel.Benchmarks.Auth;

/// <summary>One way into the API: the Authorization header its requests carry (none: the bypass).</summary>
internal sealed record AuthMode(string Name, AuthenticationHeaderValue? Authorization);
