using LexIntel.ApiService.Cases;

namespace LexIntel.ApiService.Progress;

/// <summary>A caller signed in by a progress ticket opens the one stream the ticket names, nothing else.</summary>
internal sealed class ProgressStreamFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (http.User.FindFirst(ProgressTicketAuthenticationHandler.StreamClaim)?.Value is { } granted && granted != StreamOf(http))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Ticket for another stream",
                detail: $"This progress ticket opens {granted} only.");
        }

        return await next(context);
    }

    private static string? StreamOf(HttpContext http) =>
        CaseAccessFilter.RouteGuid(http, CaseAccessFilter.DocumentParameter) is { } document ? ProgressTicket.DocumentStream(document)
        : CaseAccessFilter.RouteGuid(http, CaseAccessFilter.CaseParameter) is { } caseId ? ProgressTicket.CaseStream(caseId)
        : null;
}
