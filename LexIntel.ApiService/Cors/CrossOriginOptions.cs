namespace LexIntel.ApiService.Cors;

/// <summary>Bound from <c>LexIntel:Cors</c>: which web front ends may call the API from a browser.</summary>
public sealed class CrossOriginOptions
{
    public const string SectionName = "LexIntel:Cors";

    /// <summary>
    /// Origins (<c>scheme://host[:port]</c>, e.g. <c>https://app.example.com</c>) allowed to call the
    /// API from a browser; none by default, so that no other site's script can.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>How long a browser may keep a preflight's answer instead of asking before every call.</summary>
    public TimeSpan PreflightMaxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>An origin as browsers send it: http or https, a host and maybe a port, nothing after.</summary>
    public static bool IsOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && string.Equals(origin, $"{uri.Scheme}://{uri.Authority}", StringComparison.OrdinalIgnoreCase);
}
