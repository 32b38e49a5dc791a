using System.Net.Http.Headers;
using System.Net.Http.Json;
using LexIntel.ApiService.Audit;

namespace LexIntel.Tests.EndToEnd.AccessMatrix;

/// <summary>
/// Bodies and queries for the routes that need them, and what admitted callers must find in the
/// answers. A route not listed is called without a body, so a new route needing one shows up as a
/// failed admitted call until it gets a sample here; who it admits is read from the API's own description.
/// </summary>
internal static class RouteSamples
{
    private const string Citation = "410 U.S. 113";

    private static readonly Dictionary<string, RouteSample> ByRoute = new(StringComparer.Ordinal)
    {
        ["POST /dev/credentials"] = new() { Harmless = true },
        ["POST /api/cases"] = new() { Body = _ => JsonContent.Create(new { name = "Matrix new case" }), Harmless = true },
        ["GET /api/cases"] = new() { Query = _ => "?limit=200", Check = (caller, resource, body) => Expect(body, resource.Case, caller.AccessTo(resource) is not null, "the case list") },
        ["PUT /api/cases/{caseId}"] = new() { Body = t => JsonContent.Create(new { name = t.Resource.CaseName }) },
        ["PUT /api/cases/{caseId}/restriction"] = new() { Body = t => JsonContent.Create(new { restricted = t.Resource.Restricted }) },
        ["PUT /api/cases/{caseId}/members/{userId}"] = new() { Body = _ => JsonContent.Create(new { access = "viewer" }) },
        ["GET /api/cases/{caseId}/members"] = new() { Check = (_, _, body) => Expect(body, MatrixTarget.MemberUser, true, "the members") },
        ["POST /api/cases/{caseId}/documents"] = new() { Body = _ => Upload(), AdmittedStatus = 201 },
        ["GET /api/cases/{caseId}/documents"] = new() { Check = (_, resource, body) => Expect(body, resource.Document, true, "the case's documents") },
        ["GET /api/documents/{documentId}/content"] = new() { Check = (_, resource, body) => Expect(body, resource.Marker, true, "the original") },
        ["GET /api/documents/{documentId}/citations"] = new() { Check = (_, _, body) => Expect(body, Citation, true, "the document's citations") },
        ["GET /api/cases/{caseId}/citations"] = new() { Check = (_, _, body) => Expect(body, Citation, true, "the table of authorities") },
        ["GET /api/cases/{caseId}/citations/search"] = new() { Query = _ => "?q=" + Uri.EscapeDataString(Citation), Check = (_, resource, body) => Expect(body, resource.Document, true, "the citing documents") },
        ["POST /api/citations/extract"] = new() { Body = _ => JsonContent.Create(new { text = $"See Roe v. Wade, {Citation} (1973)." }), Harmless = true },
        ["POST /api/cases/{caseId}/search"] = new() { Body = t => Search(t), Harmless = true, Check = (_, resource, body) => Expect(body, resource.Document, true, "the case's search hits") },
        ["POST /api/search"] = new() { Body = t => Search(t), Harmless = true, Check = (caller, resource, body) => Expect(body, resource.Document, caller.AccessTo(resource) is not null, "tenant-wide search hits") },
        ["POST /api/cases/{caseId}/ask"] = new() { Body = _ => Question(), Harmless = true },
        ["POST /api/cases/{caseId}/ask/stream"] = new() { Body = _ => Question(), Harmless = true },
        ["POST /api/cases/{caseId}/conversations"] = new() { Body = _ => JsonContent.Create(new { title = "Matrix talk" }), Harmless = true },
        ["GET /api/conversations/{conversationId}"] = new() { Check = (_, resource, body) => Expect(body, resource.ConversationMarker, true, "the conversation") },
        ["POST /api/progress/tickets"] = new() { Body = t => JsonContent.Create(new { caseId = t.Case }), BodyNamesCase = true, Harmless = true },
        ["GET /api/audit"] = new()
        {
            Query = t => $"?caseId={t.Case}&action={AuditActions.CaseCreate}",
            Check = (caller, resource, body) => Expect(body, AuditActions.CaseCreate, caller.AccessTo(resource) is not null, "the case's audit entries"),
        },
        ["POST /api/keys"] = new() { Body = _ => JsonContent.Create(new { name = "matrix key", role = "member" }), Harmless = true },
        ["GET /api/keys"] = new() { Check = (caller, resource, body) => Expect(body, resource.Key, caller.Tenant == resource.Tenant, "the tenant's keys") },
        ["PUT /api/admin/tenants/{tenantId}"] = new() { Body = t => JsonContent.Create(new { name = ApiClients.TenantName(t.Resource.Tenant) }), Harmless = true },
        ["POST /api/admin/queues/{kind}/dead/{id}/requeue"] = new() { Harmless = true, AdmittedStatus = 404 },
        ["POST /api/admin/queues/{kind}/running/{entryId}/cancel"] = new() { Harmless = true, AdmittedStatus = 404 },

        // The fresh document is processed already: every admitted caller is told there is nothing to stop.
        ["POST /api/documents/{documentId}/cancel"] = new() { AdmittedStatus = 409 },
    };

    public static RouteSample For(DocumentedRoute route) =>
        ByRoute.GetValueOrDefault($"{route.Method} {route.Template.TrimEnd('/')}", RouteSample.None);

    private static JsonContent Search(MatrixTarget target) => JsonContent.Create(new { query = target.Resource.Marker, mode = "keyword" });

    private static JsonContent Question() => JsonContent.Create(new { question = "What did the parties rely on?" });

    private static MultipartFormDataContent Upload()
    {
        var file = new StringContent("An added page of the matter.");
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        return new MultipartFormDataContent { { file, "files", "matrix-upload.txt" } };
    }

    private static string? Expect(string body, object value, bool present, string where) =>
        body.Contains(value.ToString()!, StringComparison.OrdinalIgnoreCase) == present ? null : $"{where} {(present ? "lack" : "show")} {value}";
}
