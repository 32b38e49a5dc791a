using System.Net;
using System.Text;
using LexIntel.ApiService.Identity;
using LexIntel.ApiService.OpenApi;
using LexIntel.Shared.Data.Entities;

namespace LexIntel.Tests.EndToEnd.AccessMatrix;

/// <summary>
/// Every route the API documents × every kind of caller × resources of two tenants: each call gets
/// exactly the status its caller's role allows, an admitted call the content it asked for, and no
/// answer (search hits, answers' references, tables of authorities, audit entries, SSE events, error
/// details) holds an id or a word of a case, document, conversation or key its caller may not see.
/// Who a route admits is read from the route's own declaration in the OpenAPI document, so a new
/// route is covered without being listed, and a route that declares no policy fails.
/// </summary>
[Tier(TestTier.EndToEnd)]
[Collection(LexIntelAppCollection.Name)]
public sealed class AccessMatrixTests(LexIntelAppFixture fixture)
{
    private static readonly TimeSpan StreamWindow = TimeSpan.FromSeconds(3);

    private static readonly TimeSpan StreamQuiet = TimeSpan.FromMilliseconds(300);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_route_answers_every_caller_exactly_what_its_role_allows_and_leaks_nothing()
    {
        using var world = await MatrixWorld.CreateAsync(fixture, Cancel);
        var routes = await DocumentedRoutes.ReadAsync(world.Callers[^1].Client, Cancel);
        Assert.True(routes.Count >= 30, $"the API documents only {routes.Count} routes");

        var failures = new List<string>();
        var (calls, admitted) = (0, 0);
        foreach (var route in routes)
        {
            if (Undeclared(route) is { } undeclared)
            {
                failures.Add($"{route}: {undeclared}");
                continue;
            }

            var sample = RouteSamples.For(route);
            foreach (var caller in world.Callers)
            {
                foreach (var resource in world.Resources)
                {
                    var (status, admits) = Expected(route, sample, caller, resource);
                    var target = admits && route.Method != HttpMethod.Get && !sample.Harmless ? await MatrixWorld.FreshAsync(route, resource, Cancel) : MatrixTarget.Of(resource);
                    var path = target.PathOf(route) + sample.Query(target);
                    var (answered, body, sent) = await SendAsync(caller, route.Method, path, sample.Body(target));
                    (calls, admitted) = (calls + 1, admitted + (admits ? 1 : 0));
                    var call = $"{caller} on {resource}: {route}";
                    if (answered != status)
                    {
                        failures.Add($"{call} → {answered}, expected {status}: {Shorten(body)}");
                    }
                    else if (admits && sample.Check(caller, resource, body) is { } wrong)
                    {
                        failures.Add($"{call}: {wrong}");
                    }

                    failures.AddRange(Leaks(world, caller, body, sent).Select(secret => $"{call} → {answered} shows {secret}"));
                }
            }
        }

        TestContext.Current.SendDiagnosticMessage($"access matrix: {routes.Count} routes × {world.Callers.Count} callers × {world.Resources.Count} resources = {calls} calls, {admitted} admitted");
        Assert.True(failures.Count == 0, $"{failures.Count} of {calls} calls wrong:\n" + string.Join("\n", failures.Take(60)));
        Assert.InRange(admitted, calls / 5, calls - calls / 5);
    }

    /// <summary>What is missing from a route's declaration of who it admits, or null when nothing is.</summary>
    private static string? Undeclared(DocumentedRoute route)
    {
        if (route.Policy is null)
        {
            return $"declares no policy ({AccessRequirementTransformer.Extension}); give the route or its group an explicit one";
        }

        var namesCase = route.Names("caseId") || route.Names("documentId") || route.Names("conversationId");
        return namesCase && route.Policy != AccessRequirementTransformer.Anonymous && route.CaseAccess is null ? "names a case but declares no access to it" : null;
    }

    /// <summary>The status the rules give <paramref name="caller"/> on <paramref name="route"/> for <paramref name="resource"/>, and whether that admits the call.</summary>
    private static (int Status, bool Admits) Expected(DocumentedRoute route, RouteSample sample, MatrixCaller caller, MatrixResource resource)
    {
        var admit = (sample.AdmittedStatus ?? route.SuccessStatus ?? 200, true);
        if (route.Policy == AccessRequirementTransformer.Anonymous)
        {
            return admit;
        }

        if (caller.IsUnauthenticated)
        {
            return (401, false);
        }

        switch (route.Policy)
        {
            case Policies.Operator:
                return caller.IsOperator ? admit : (403, false);
            case Policies.TenantUser or Policies.ProgressReader or Policies.TenantAdmin when caller.IsOperator:
            case Policies.TenantAdmin when !caller.IsTenantAdmin:
                return (403, false);
            case Policies.TenantUser or Policies.ProgressReader or Policies.TenantAdmin:
                break;
            default:
                throw new InvalidOperationException($"{route} declares the policy '{route.Policy}', which the access matrix does not know.");
        }

        if (route.Names("conversationId"))
        {
            return caller.SeesConversationOf(resource) ? admit : (404, false);
        }

        if (route.Names("caseId") || route.Names("documentId") || sample.BodyNamesCase)
        {
            var access = caller.AccessTo(resource);
            var needed = Enum.Parse<CaseAccess>(route.CaseAccess ?? nameof(CaseAccess.Viewer), ignoreCase: true);
            return access is null ? (404, false) : access >= needed ? admit : (403, false);
        }

        return route.Names("keyId") && caller.Tenant != resource.Tenant ? (404, false) : admit;
    }

    /// <summary>
    /// The ids and words of what <paramref name="caller"/> may not see that <paramref name="body"/>
    /// shows, but for what the request itself sent (a 404's detail names the id asked for).
    /// </summary>
    private static IEnumerable<string> Leaks(MatrixWorld world, MatrixCaller caller, string body, string sent)
    {
        foreach (var resource in world.Resources)
        {
            var secrets = new List<(string What, string Value)>();
            if (caller.AccessTo(resource) is null)
            {
                secrets.AddRange([("case", resource.Case.ToString()), ("document", resource.Document.ToString()), ("case's word", resource.Marker)]);
            }

            if (!caller.SeesConversationOf(resource))
            {
                secrets.AddRange([("conversation", resource.Conversation.ToString()), ("conversation's word", resource.ConversationMarker)]);
            }

            if (caller.Tenant != resource.Tenant)
            {
                secrets.Add(("key", resource.Key.ToString()));
            }

            foreach (var (what, value) in secrets)
            {
                if (Holds(body, value) && !Holds(sent, value))
                {
                    yield return $"the {what} of {resource}";
                }
            }
        }
    }

    private static bool Holds(string text, string value) => text.Contains(value, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Sends one call, waiting out a rate limit (the matrix is about access, and the shared app keeps
    /// some limits tight); of an event stream, reads what comes within a few seconds.
    /// </summary>
    /// <returns>The answer's status and body, and what the request sent (its path and body).</returns>
    private static async Task<(int Status, string Body, string Sent)> SendAsync(MatrixCaller caller, HttpMethod method, string path, HttpContent? content)
    {
        using (content)
        {
            var payload = content is null ? null : await content.ReadAsByteArrayAsync(Cancel);
            var sent = payload is null ? path : path + "\n" + Encoding.UTF8.GetString(payload);

            for (var attempt = 1; ; attempt++)
            {
                using var request = new HttpRequestMessage(method, path);
                if (payload is not null)
                {
                    request.Content = new ByteArrayContent(payload);
                    foreach (var header in content!.Headers)
                    {
                        request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }
                }

                using var response = await caller.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Cancel);
                if (response.StatusCode == HttpStatusCode.TooManyRequests && attempt < 5)
                {
                    await Task.Delay((response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1)) + TimeSpan.FromMilliseconds(100), Cancel);
                    continue;
                }

                var body = response.Content.Headers.ContentType?.MediaType == "text/event-stream"
                    ? await ReadEventsAsync(response)
                    : await response.Content.ReadAsStringAsync(Cancel);
                return ((int)response.StatusCode, body, sent);
            }
        }
    }

    /// <summary>The events of a stream until it ends, it has been quiet a moment after its first event, or the window closes.</summary>
    private static async Task<string> ReadEventsAsync(HttpResponseMessage response)
    {
        using var window = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        window.CancelAfter(StreamWindow);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(Cancel));
        var text = new StringBuilder();
        var buffer = new char[4096];
        try
        {
            while (await reader.ReadAsync(buffer, window.Token) is var read and > 0)
            {
                text.Append(buffer, 0, read);
                if (text.ToString().Contains("\n\n", StringComparison.Ordinal))
                {
                    window.CancelAfter(StreamQuiet);
                }
            }
        }
        catch (OperationCanceledException) when (!Cancel.IsCancellationRequested)
        {
        }

        return text.ToString();
    }

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
