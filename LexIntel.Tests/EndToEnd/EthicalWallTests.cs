using System.Net;
using System.Net.Http.Json;
using LexIntel.ApiService.Cases;
using LexIntel.ApiService.Identity;
using LexIntel.ApiService.Search;

namespace LexIntel.Tests.EndToEnd;

/// <summary>Inside one firm: a restricted matter is seen by its team only, a screened user sees nothing of it, and roles limit what the team may change.</summary>
[Tier(TestTier.EndToEnd)]
[Collection(LexIntelAppCollection.Name)]
public sealed class EthicalWallTests(LexIntelAppFixture fixture)
{
    private const string Secret = "Zyxwvut Holdings agreed to the merger on confidential terms.";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_restricted_case_is_invisible_outside_its_team_and_a_screen_holds_even_against_a_tenant_admin()
    {
        var tenant = Guid.NewGuid();
        using var partner = await fixture.CreateTenantClientAsync(tenant, "partner", Roles.Member);
        using var associate = await fixture.CreateTenantClientAsync(tenant, "associate", Roles.Member);
        using var conflicted = await fixture.CreateTenantClientAsync(tenant, "conflicted", Roles.TenantAdmin);
        using var trainee = await fixture.CreateTenantClientAsync(tenant, "trainee", Roles.Member);
        var (walled, walledDocuments) = await partner.CreateCaseWithReadyDocumentsAsync("Merger", Cancel, ("memo.txt", new StringContent(Secret)));
        var (open, _) = await partner.CreateCaseWithReadyDocumentsAsync("Open matter", Cancel, ("note.txt", new StringContent("Zyxwvut Holdings filed a public notice.")));
        var memo = walledDocuments["memo.txt"];

        Assert.Equal(HttpStatusCode.OK, (await partner.PutAsJsonAsync($"/api/cases/{walled}/members/trainee", new { access = "viewer" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.PutAsJsonAsync($"/api/cases/{walled}/members/conflicted", new { access = "screened" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await partner.PutAsJsonAsync($"/api/cases/{walled}/restriction", new { restricted = true }, Cancel)).StatusCode);

        foreach (var (name, outsider) in new[] { ("a member outside the team", associate), ("a screened tenant admin", conflicted) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/cases/{walled}", Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/documents/{memo}", Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/documents/{memo}/content", Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/cases/{walled}/ask", new { question = "Who agreed to the merger?" }, Cancel)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync("/api/progress/tickets", new { documentId = memo }, Cancel)).StatusCode);
            var cases = (await outsider.GetFromJsonAsync<CasePage>("/api/cases", Cancel))!;
            Assert.DoesNotContain(cases.Items, c => c.Id == walled);
            Assert.Contains(cases.Items, c => c.Id == open);
            var hits = await SearchAsync(outsider, "Zyxwvut Holdings");
            Assert.True(hits.All(h => h.DocumentId != memo), $"{name} found the walled memo by a tenant-wide search");
            Assert.Contains(hits, h => h.DocumentName == "note.txt");
        }

        var seen = await SearchAsync(trainee, "Zyxwvut Holdings");
        Assert.Contains(seen, h => h.DocumentId == memo);
        Assert.Equal(HttpStatusCode.OK, (await trainee.GetAsync($"/api/documents/{memo}/content", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trainee.UploadAsync(walled, Cancel, ("more.txt", new StringContent("More.")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trainee.DeleteAsync($"/api/documents/{memo}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trainee.PutAsJsonAsync($"/api/cases/{walled}", new { name = "Renamed" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await trainee.GetAsync($"/api/cases/{walled}/members", Cancel)).StatusCode);

        var members = (await partner.GetFromJsonAsync<List<CaseMemberResponse>>($"/api/cases/{walled}/members", Cancel))!;
        Assert.Equal([("conflicted", "screened"), ("partner", "owner"), ("trainee", "viewer")], members.Select(m => (m.UserId, m.Access)));
        Assert.Equal(HttpStatusCode.OK, (await partner.PutAsJsonAsync($"/api/cases/{walled}", new { name = "Merger (walled)" }, Cancel)).StatusCode);

        // Outside the wall the screened admin is an admin as before; the open case's members may add to it.
        Assert.Equal(HttpStatusCode.OK, (await conflicted.GetAsync($"/api/cases/{open}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await associate.UploadAsync(open, Cancel, ("addendum.txt", new StringContent("Addendum.")))).StatusCode);
    }

    [Fact]
    public async Task A_case_is_restricted_only_with_an_owner_and_an_owner_cannot_lock_themselves_out()
    {
        var tenant = Guid.NewGuid();
        using var admin = await fixture.CreateTenantClientAsync(tenant, "admin", Roles.TenantAdmin);
        var caseId = await admin.CreateCaseAsync("Ownerless", Cancel);

        using var demote = await admin.PutAsJsonAsync($"/api/cases/{caseId}/members/admin", new { access = "viewer" }, Cancel);
        using var leave = await admin.DeleteAsync($"/api/cases/{caseId}/members/admin", Cancel);
        using var badRole = await admin.PutAsJsonAsync($"/api/cases/{caseId}/members/someone", new { access = "emperor" }, Cancel);

        Assert.Equal(HttpStatusCode.Conflict, demote.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, leave.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
    }

    private static async Task<IReadOnlyList<SearchHit>> SearchAsync(HttpClient client, string query)
    {
        using var response = await client.PostAsJsonAsync("/api/search", new { query, mode = "keyword" }, Cancel);
        return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<SearchResponse>(Cancel))!.Items;
    }

    private sealed record CasePage(List<CaseResponse> Items, string? NextCursor);
}
