using LexIntel.ApiService.Identity;
using LexIntel.ApiService.Progress;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LexIntel.ApiService.OpenApi;

/// <summary>
/// Declares how callers sign in, so that generated clients send their token: the bearer scheme, a
/// machine client's API key, the ticket a browser's EventSource carries in the query, and on every
/// operation what it accepts. Routes open to anyone (<c>AllowAnonymous</c>) require nothing; every other route needs a
/// token, by its own policy or the fallback one.
/// </summary>
internal sealed class SecuritySchemeTransformer : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string Bearer = "Bearer";

    public const string ProgressTicket = "ProgressTicket";

    public const string ApiKey = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A token of the configured OIDC provider (in Development, from POST /dev/credentials).",
        };
        document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = "Authorization",
            Description = "A machine client's key, sent as 'Authorization: ApiKey lxk_…' (tenant admins create keys with POST /api/keys).",
        };
        document.Components.SecuritySchemes[ProgressTicket] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Query,
            Name = ProgressTicketAuthenticationHandler.QueryParameter,
            Description = "A 60-second ticket for one progress stream, from POST /api/progress/tickets, for a browser's EventSource, which cannot send a header.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        // Requirements in the list are alternatives: a tenant's routes take a token or a key (an
        // operator's a token only), a progress stream also a ticket.
        operation.Security = [Requirement(Bearer, context.Document)];
        if (!metadata.OfType<IAuthorizeData>().Any(a => a.Policy == Policies.Operator))
        {
            operation.Security.Add(Requirement(ApiKey, context.Document));
        }

        if (metadata.OfType<IAuthorizeData>().Any(a => a.Policy == Policies.ProgressReader))
        {
            operation.Security.Add(Requirement(ProgressTicket, context.Document));
        }

        return Task.CompletedTask;
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? document) =>
        new() { [new OpenApiSecuritySchemeReference(scheme, document)] = [] };
}
