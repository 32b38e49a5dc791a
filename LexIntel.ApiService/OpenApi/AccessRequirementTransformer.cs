using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using LexIntel.ApiService.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LexIntel.ApiService.OpenApi;

/// <summary>
/// Declares on every operation who may call it (<c>x-lexintel-access</c>): the authorization policy
/// and, for a route that names a case or something in one, the access to that case it needs. A
/// front end hides what its user may not do from it, and the access-matrix test derives from it
/// what every kind of caller must get. A route left to the fallback policy declares nothing, which
/// that test refuses: every route says who it is for.
/// </summary>
internal sealed partial class AccessRequirementTransformer : IOpenApiOperationTransformer
{
    public const string Extension = "x-lexintel-access";

    public const string Anonymous = "anonymous";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var policy = metadata.OfType<IAllowAnonymous>().Any()
            ? Anonymous
            : metadata.OfType<IAuthorizeData>().LastOrDefault(a => a.Policy is not null)?.Policy;
        if (policy is null)
        {
            return Task.CompletedTask;
        }

        var access = new JsonObject { ["policy"] = policy };
        if (policy != Anonymous && RouteParameter().Matches(context.Description.RelativePath ?? string.Empty).Any(m => CaseAccessFilter.RouteParameters.Contains(m.Groups[1].Value)))
        {
            access["caseAccess"] = RequiredCaseAccess.Of(metadata).ToString().ToLowerInvariant();
        }

        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        operation.Extensions[Extension] = new JsonNodeExtension(access);
        return Task.CompletedTask;
    }

    [GeneratedRegex(@"\{(\w+)")]
    private static partial Regex RouteParameter();
}
