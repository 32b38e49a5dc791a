using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using LexIntel.ApiService.Identity;
using LexIntel.ApiService.Progress;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LexIntel.Tests.EndToEnd;

/// <summary>Who gets in: only callers with a valid token (or, for one progress stream, a ticket), never by a plain header.</summary>
[Tier(TestTier.EndToEnd)]
[Collection(LexIntelAppCollection.Name)]
public sealed class AuthenticationTests(LexIntelAppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Callers that must be refused with 401 everywhere, each given as the headers it sends.</summary>
    private static readonly (string Caller, Action<HttpRequestHeaders> Sign)[] Unauthenticated =
    [
        ("anonymous", _ => { }),
        ("a tenant named in a plain header", h => h.Add("X-Tenant-Id", Guid.NewGuid().ToString())),
        ("a malformed token", h => h.Authorization = new AuthenticationHeaderValue("Bearer", "not.a.token")),
        ("an expired token", h => h.Authorization = Bearer(Forge(expires: DateTime.UtcNow.AddMinutes(-10)))),
        ("a token for another audience", h => h.Authorization = Bearer(Forge(audience: "someone-else"))),
        ("a token from another issuer", h => h.Authorization = Bearer(Forge(issuer: "https://evil.example"))),
        ("a token signed with another key", h => h.Authorization = Bearer(Forge(key: new string('k', 64)))),
        ("an API key nobody issued", h => h.Authorization = new AuthenticationHeaderValue("ApiKey", "lxk_0123456789ab_" + new string('s', 43))),
    ];

    [Fact]
    public async Task Every_route_refuses_callers_without_a_valid_token()
    {
        using var member = await fixture.CreateTenantClientAsync(Guid.NewGuid());

        // Every documented operation but the Development-only sign-in, which is open by design.
        var routes = (await DocumentedRoutes.ReadAsync(member, Cancel)).Where(r => !r.Template.StartsWith("/dev/", StringComparison.Ordinal)).ToList();
        Assert.True(routes.Count >= 25, $"the API documents only {routes.Count} routes");

        var admitted = new List<string>();
        using var client = fixture.CreateAnonymousClient();
        foreach (var (method, template) in routes)
        {
            foreach (var (caller, sign) in Unauthenticated)
            {
                using var request = new HttpRequestMessage(method, Concrete(template)) { Content = method == HttpMethod.Get || method == HttpMethod.Delete ? null : JsonContent.Create(new { }) };
                sign(request.Headers);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Cancel);
                if (response.StatusCode != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    admitted.Add($"{caller}: {method} {template} → {(int)response.StatusCode}");
                }
            }
        }

        TestContext.Current.SendDiagnosticMessage($"{routes.Count} routes × {Unauthenticated.Length} callers");
        Assert.True(admitted.Count == 0, string.Join("\n", admitted));
        using var expired = new HttpRequestMessage(HttpMethod.Get, "/api/cases") { Headers = { Authorization = Bearer(Forge(expires: DateTime.UtcNow.AddMinutes(-10))) } };
        using var refused = await client.SendAsync(expired, Cancel);
        Assert.Contains("The token has expired", await refused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_a_usable_tenant_reaches_no_tenant_route()
    {
        using var noTenant = fixture.CreateAnonymousClient();
        noTenant.DefaultRequestHeaders.Authorization = Bearer(ApiClients.TokenFor("drifter", tenant: null, Roles.TenantAdmin));
        using var badTenant = fixture.CreateAnonymousClient();
        badTenant.DefaultRequestHeaders.Authorization = Bearer(Forge(tenant: "not-a-guid"));

        using var withoutTenant = await noTenant.GetAsync("/api/cases", Cancel);
        using var withBadTenant = await badTenant.GetAsync("/api/cases", Cancel);

        Assert.Equal(HttpStatusCode.Forbidden, withoutTenant.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, withBadTenant.StatusCode);
        Assert.Contains("not-a-guid", await withBadTenant.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Development_credentials_give_a_newcomer_working_tokens_for_each_role()
    {
        using var anonymous = fixture.CreateAnonymousClient();

        using var issued = await anonymous.PostAsync("/dev/credentials", content: null, Cancel);
        var credentials = (await issued.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<DevelopmentCredentials>(Cancel))!;
        using var admin = ApiClients.Create(fixture.App, credentials.AdminToken);
        using var member = ApiClients.Create(fixture.App, credentials.MemberToken);
        using var operatorClient = ApiClients.Create(fixture.App, credentials.OperatorToken);

        using var created = await admin.PostAsJsonAsync("/api/cases", new { name = "First matter" }, Cancel);
        using var queues = await operatorClient.GetAsync("/api/admin/queues", Cancel);
        using var memberQueues = await member.GetAsync("/api/admin/queues", Cancel);
        using var operatorCases = await operatorClient.GetAsync("/api/cases", Cancel);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, queues.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, memberQueues.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, operatorCases.StatusCode);
    }

    [Fact]
    public async Task A_progress_ticket_opens_its_own_stream_only_and_is_issued_only_for_what_the_caller_sees()
    {
        using var owner = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        using var stranger = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await owner.CreateCaseAsync("Tickets", Cancel);
        var otherCase = await owner.CreateCaseAsync("Other", Cancel);
        using var anonymous = fixture.CreateAnonymousClient();

        using var issued = await owner.PostAsJsonAsync("/api/progress/tickets", new { caseId }, Cancel);
        var ticket = (await issued.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ProgressTicketResponse>(Cancel))!;
        using var opened = await anonymous.GetAsync(ticket.Url, HttpCompletionOption.ResponseHeadersRead, Cancel);
        using var elsewhere = await anonymous.GetAsync($"/api/cases/{otherCase}/progress?ticket={Uri.EscapeDataString(ticket.Ticket)}", HttpCompletionOption.ResponseHeadersRead, Cancel);
        using var tampered = await anonymous.GetAsync(ticket.Url[..^4] + "AAAA", HttpCompletionOption.ResponseHeadersRead, Cancel);
        using var onOtherRoute = await anonymous.GetAsync($"/api/cases/{caseId}?ticket={Uri.EscapeDataString(ticket.Ticket)}", Cancel);
        using var forStranger = await stranger.PostAsJsonAsync("/api/progress/tickets", new { caseId }, Cancel);

        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("text/event-stream", opened.Content.Headers.ContentType?.MediaType);
        Assert.True(ticket.ExpiresAt <= DateTimeOffset.UtcNow.AddSeconds(61));
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, onOtherRoute.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forStranger.StatusCode);
    }

    private static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    /// <summary>A token like the run's Development tokens but for the one thing that is off.</summary>
    private static string Forge(DateTime? expires = null, string? audience = null, string? issuer = null, string? key = null, string? tenant = null)
    {
        var identity = new IdentityOptions();
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? IdentityOptions.DevelopmentIssuer,
            Audience = audience ?? identity.Audience,
            Subject = new ClaimsIdentity([new Claim(identity.UserClaim, "forger"), new Claim(identity.TenantClaim, tenant ?? Guid.NewGuid().ToString()), new Claim(identity.RoleClaim, Roles.TenantAdmin)]),
            IssuedAt = (expires ?? now).AddMinutes(-30),
            NotBefore = (expires ?? now).AddMinutes(-30),
            Expires = expires ?? now.AddHours(1),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key ?? LexIntelAppFactory.SigningKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    private static string Concrete(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{(\w+)\}", m => m.Groups[1].Value == "kind" ? "extract" : m.Groups[1].Value == "id" ? "0-1" : Guid.NewGuid().ToString());
}
