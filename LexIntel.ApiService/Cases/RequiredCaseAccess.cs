using LexIntel.Shared.Data.Entities;

namespace LexIntel.ApiService.Cases;

/// <summary>Endpoint metadata: the access to its case a route needs (<see cref="CaseAccess.Viewer"/> when a route names none).</summary>
public sealed record RequiredCaseAccess(CaseAccess Level)
{
    /// <summary>The access an endpoint with <paramref name="metadata"/> needs to the case it names.</summary>
    public static CaseAccess Of(IEnumerable<object> metadata) =>
        metadata.OfType<RequiredCaseAccess>().LastOrDefault()?.Level ?? CaseAccess.Viewer;
}
