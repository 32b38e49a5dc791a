namespace LexIntel.ApiService.Cases;

internal static class CaseAccessEndpointExtensions
{
    /// <summary>A group for the routes under <c>/cases/{caseId}</c> of <paramref name="api"/>, reached only by callers who may see that case.</summary>
    public static RouteGroupBuilder MapCaseGroup(this RouteGroupBuilder api) =>
        api.MapGroup($"/cases/{{{CaseAccessFilter.RouteParameter}:guid}}").RequireCaseAccess();

    /// <summary>Every route of <paramref name="group"/> (whose prefix names the case) is checked by <see cref="CaseAccessFilter"/>.</summary>
    public static RouteGroupBuilder RequireCaseAccess(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter<CaseAccessFilter>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }
}
