using LexIntel.Shared.Data.Entities;

namespace LexIntel.ApiService.Cases;

internal static class CaseAccessEndpointExtensions
{
    /// <summary>A group for the routes under <c>/cases/{caseId}</c> of <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapCaseGroup(this RouteGroupBuilder api) =>
        api.MapGroup($"/cases/{{{CaseAccessFilter.CaseParameter}:guid}}");

    /// <summary>The route changes its case, so it needs more than <see cref="CaseAccess.Viewer"/> access.</summary>
    public static RouteHandlerBuilder RequiresCaseAccess(this RouteHandlerBuilder route, CaseAccess level) =>
        route.WithMetadata(new RequiredCaseAccess(level));
}
