namespace LexIntel.ApiService.Admin;

/// <summary>Bound from <c>LexIntel:Admin</c>.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "LexIntel:Admin";

    /// <summary>The key operators send as <c>X-Admin-Key</c>; the admin API is off while it is empty.</summary>
    public string? ApiKey { get; set; }
}
