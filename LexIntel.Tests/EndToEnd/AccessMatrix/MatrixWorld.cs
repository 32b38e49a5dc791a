using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using LexIntel.ApiService.ApiKeys;
using LexIntel.ApiService.Ask;
using LexIntel.ApiService.Identity;
using LexIntel.Shared.Data.Entities;
using LexIntel.Tests.Infrastructure;

namespace LexIntel.Tests.EndToEnd.AccessMatrix;

/// <summary>
/// Two tenants for the access matrix. Tenant A has a restricted case (owner, editor and viewer on
/// its team, a tenant admin screened from it) and an open one; tenant B one case. Its callers are
/// every kind the issue names: five the API must not recognize, A's users in each role, B's admin
/// and an operator.
/// </summary>
internal sealed class MatrixWorld : IDisposable
{
    private MatrixWorld(IReadOnlyList<MatrixCaller> callers, IReadOnlyList<MatrixResource> resources) => (Callers, Resources) = (callers, resources);

    public IReadOnlyList<MatrixCaller> Callers { get; }

    public IReadOnlyList<MatrixResource> Resources { get; }

    public static async Task<MatrixWorld> CreateAsync(LexIntelAppFixture fixture, CancellationToken cancellationToken)
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var users = new Dictionary<string, (Guid Tenant, string Role)>
        {
            ["a-admin"] = (a, Roles.TenantAdmin), ["owner"] = (a, Roles.Member), ["editor"] = (a, Roles.Member), ["viewer"] = (a, Roles.Member),
            ["outsider"] = (a, Roles.Member), ["screened"] = (a, Roles.TenantAdmin), ["b-admin"] = (b, Roles.TenantAdmin),
        };
        var clients = new Dictionary<string, HttpClient>();
        foreach (var (user, (tenant, role)) in users)
        {
            clients[user] = await fixture.CreateTenantClientAsync(tenant, user, role);
        }

        var resources = new[]
        {
            await CreateResourceAsync("A's restricted case", a, clients, "owner", "owner", "a-admin", restricted: true, new() { ["editor"] = CaseAccess.Editor, ["viewer"] = CaseAccess.Viewer, ["screened"] = CaseAccess.Screened }, cancellationToken),
            await CreateResourceAsync("A's open case", a, clients, "owner", "viewer", "a-admin", restricted: false, [], cancellationToken),
            await CreateResourceAsync("B's case", b, clients, "b-admin", "b-admin", "b-admin", restricted: false, [], cancellationToken),
        };

        var identity = new IdentityOptions { DevelopmentSigningKey = LexIntelAppFactory.SigningKey };
        var expired = DevelopmentTokens.Issue(identity, DateTimeOffset.UtcNow - DevelopmentTokens.Lifetime - TimeSpan.FromMinutes(5), "a-admin", a, Roles.TenantAdmin);
        var otherAudience = DevelopmentTokens.Issue(new IdentityOptions { DevelopmentSigningKey = LexIntelAppFactory.SigningKey, Audience = "another-api" }, DateTimeOffset.UtcNow, "a-admin", a, Roles.TenantAdmin);
        MatrixCaller[] callers =
        [
            new("anonymous", fixture.CreateAnonymousClient()),
            new("a malformed token", WithAuthorization(fixture, new AuthenticationHeaderValue("Bearer", "not.a.token"))),
            new("an expired token", ApiClients.Create(fixture.App, expired)),
            new("a token for another audience", ApiClients.Create(fixture.App, otherAudience)),
            new("a revoked API key", WithAuthorization(fixture, await RevokedKeyAsync(fixture, clients["a-admin"], cancellationToken))),
            new("B's admin", clients["b-admin"], b, "b-admin", isTenantAdmin: true),
            new("a member outside the restricted case", clients["outsider"], a, "outsider"),
            new("an admin screened from the restricted case", clients["screened"], a, "screened", isTenantAdmin: true),
            new("a viewer", clients["viewer"], a, "viewer"),
            new("an editor", clients["editor"], a, "editor"),
            new("an owner", clients["owner"], a, "owner"),
            new("A's admin", clients["a-admin"], a, "a-admin", isTenantAdmin: true),
            new("an operator", ApiClients.Operator(fixture.App), isOperator: true),
        ];
        return new MatrixWorld(callers, resources);
    }

    /// <summary>
    /// The target for a call that may change what it names: fresh things made like the resource's
    /// (a case with the same team and restriction, a document in its case, a conversation of the
    /// same user, a key of the same tenant) for each of the route's parameters.
    /// </summary>
    public static async Task<MatrixTarget> FreshAsync(DocumentedRoute route, MatrixResource resource, CancellationToken cancellationToken)
    {
        var target = MatrixTarget.Of(resource);
        if (route.Names("caseId"))
        {
            target = target with { Case = await CreateCaseAsync(resource.Creator, resource.CaseName, resource.Members, resource.Restricted, cancellationToken) };
        }

        if (route.Names("documentId"))
        {
            // Its own words, or the upload would be taken for the resource's document again; processed,
            // so every caller meets it in the same state.
            using var upload = await resource.Creator.UploadAsync(resource.Case, cancellationToken, ($"{resource.Marker}-copy.txt", new StringContent(DocumentText(Word()))));
            var uploaded = (await upload.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ApiService.Documents.UploadResponse>(cancellationToken))!;
            target = target with { Document = uploaded.Files[0].Document!.Id };
            await resource.Creator.WaitUntilFinishedAsync(target.Document, cancellationToken);
        }

        if (route.Names("conversationId"))
        {
            target = target with { Conversation = await CreateConversationAsync(resource.ConversationHolder, resource.Case, resource.ConversationMarker, cancellationToken) };
        }

        if (route.Names("keyId"))
        {
            target = target with { Key = (await CreateKeyAsync(resource.TenantAdmin, cancellationToken)).Details.Id };
        }

        return target;
    }

    public void Dispose()
    {
        foreach (var caller in Callers)
        {
            caller.Dispose();
        }
    }

    private static async Task<MatrixResource> CreateResourceAsync(
        string name, Guid tenant, Dictionary<string, HttpClient> clients, string creator, string conversationUser, string tenantAdmin, bool restricted, Dictionary<string, CaseAccess> team, CancellationToken cancellationToken)
    {
        var (marker, conversationMarker) = (Word(), Word());
        var caseName = $"Matter {marker}";
        var (caseId, documents) = await clients[creator].CreateCaseWithReadyDocumentsAsync(caseName, cancellationToken, ($"{marker}-memo.txt", new StringContent(DocumentText(marker))));
        var members = new Dictionary<string, CaseAccess>(team) { [creator] = CaseAccess.Owner, [MatrixTarget.MemberUser] = CaseAccess.Viewer };
        await ShareAsync(clients[creator], caseId, members, restricted, cancellationToken);
        return new MatrixResource
        {
            Name = name,
            Tenant = tenant,
            Case = caseId,
            CaseName = caseName,
            Document = documents.Values.Single(),
            Conversation = await CreateConversationAsync(clients[conversationUser], caseId, conversationMarker, cancellationToken),
            ConversationUser = conversationUser,
            Key = (await CreateKeyAsync(clients[tenantAdmin], cancellationToken)).Details.Id,
            Restricted = restricted,
            Members = members,
            Marker = marker,
            ConversationMarker = conversationMarker,
            Creator = clients[creator],
            ConversationHolder = clients[conversationUser],
            TenantAdmin = clients[tenantAdmin],
        };
    }

    private static async Task<Guid> CreateCaseAsync(HttpClient creator, string name, IReadOnlyDictionary<string, CaseAccess> members, bool restricted, CancellationToken cancellationToken)
    {
        var caseId = await creator.CreateCaseAsync(name, cancellationToken);
        await ShareAsync(creator, caseId, members, restricted, cancellationToken);
        return caseId;
    }

    /// <summary>Names the case's team (its creator is already its owner) and restricts it.</summary>
    private static async Task ShareAsync(HttpClient creator, Guid caseId, IReadOnlyDictionary<string, CaseAccess> members, bool restricted, CancellationToken cancellationToken)
    {
        foreach (var (user, access) in members.Where(m => m.Value != CaseAccess.Owner))
        {
            using var set = await creator.PutAsJsonAsync($"/api/cases/{caseId}/members/{user}", new { access = access.ToString().ToLowerInvariant() }, cancellationToken);
            set.EnsureSuccessStatusCode();
        }

        if (restricted)
        {
            using var restrict = await creator.PutAsJsonAsync($"/api/cases/{caseId}/restriction", new { restricted = true }, cancellationToken);
            restrict.EnsureSuccessStatusCode();
        }
    }

    private static async Task<Guid> CreateConversationAsync(HttpClient holder, Guid caseId, string marker, CancellationToken cancellationToken)
    {
        using var created = await holder.PostAsJsonAsync($"/api/cases/{caseId}/conversations", new { title = $"Talk {marker}" }, cancellationToken);
        return (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ConversationResponse>(cancellationToken))!.Id;
    }

    private static async Task<CreatedApiKeyResponse> CreateKeyAsync(HttpClient admin, CancellationToken cancellationToken)
    {
        using var created = await admin.PostAsJsonAsync("/api/keys", new { name = "matrix", role = Roles.TenantAdmin }, cancellationToken);
        return (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<CreatedApiKeyResponse>(cancellationToken))!;
    }

    /// <summary>An admin's key, revoked, once the API refuses it.</summary>
    private static async Task<AuthenticationHeaderValue> RevokedKeyAsync(LexIntelAppFixture fixture, HttpClient admin, CancellationToken cancellationToken)
    {
        var key = await CreateKeyAsync(admin, cancellationToken);
        using var revoked = await admin.DeleteAsync($"/api/keys/{key.Details.Id}", cancellationToken);
        revoked.EnsureSuccessStatusCode();
        var header = new AuthenticationHeaderValue("ApiKey", key.Key);
        using var client = WithAuthorization(fixture, header);
        await Eventually.HoldsAsync(
            async () =>
            {
                using var response = await client.GetAsync("/api/cases", cancellationToken);
                return response.StatusCode == HttpStatusCode.Unauthorized;
            },
            TimeSpan.FromSeconds(15),
            "the revoked key is refused");
        return header;
    }

    private static HttpClient WithAuthorization(LexIntelAppFixture fixture, AuthenticationHeaderValue authorization)
    {
        var client = fixture.CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = authorization;
        return client;
    }

    private static string DocumentText(string marker) =>
        $"The {marker} memorandum. The parties relied on Roe v. Wade, 410 U.S. 113 (1973), when they signed the {marker} agreement.";

    /// <summary>A made-up word no other test writes.</summary>
    private static string Word() => "zq" + string.Concat(Enumerable.Range(0, 10).Select(_ => (char)('a' + Random.Shared.Next(26))));
}
