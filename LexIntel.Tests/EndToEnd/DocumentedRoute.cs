using System.Text.Json;
using LexIntel.ApiService.OpenApi;

namespace LexIntel.Tests.EndToEnd;

/// <summary>One documented operation and what its description declares.</summary>
internal sealed record DocumentedRoute(HttpMethod Method, string Template)
{
    public required JsonElement Operation { get; init; }

    /// <summary>The authorization policy the operation declares (<c>x-lexintel-access</c>), or null when it declares none.</summary>
    public string? Policy => Access?.GetProperty("policy").GetString();

    /// <summary>The access to its case the operation declares it needs, for one that names a case or something in one.</summary>
    public string? CaseAccess => Access is { } access && access.TryGetProperty("caseAccess", out var level) ? level.GetString() : null;

    /// <summary>The lowest success status the operation documents.</summary>
    public int? SuccessStatus => Operation.TryGetProperty("responses", out var responses)
        ? responses.EnumerateObject().Select(r => int.TryParse(r.Name, out var code) ? code : 0).Where(code => code is >= 200 and < 300).Order().Cast<int?>().FirstOrDefault()
        : null;


    public bool Names(string parameter) => Template.Contains($"{{{parameter}}}", StringComparison.Ordinal);

    public override string ToString() => $"{Method} {Template}";

    private JsonElement? Access => Operation.TryGetProperty(AccessRequirementTransformer.Extension, out var access) ? access : null;
}
