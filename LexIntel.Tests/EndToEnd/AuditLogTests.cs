using System.Net;
using System.Net.Http.Json;
using LexIntel.ApiService.Audit;
using LexIntel.ApiService.Identity;

namespace LexIntel.Tests.EndToEnd;

/// <summary>Every action on a case and every refused attempt leaves an entry its tenant's admins can read, where they may see the case.</summary>
[Tier(TestTier.EndToEnd)]
[Collection(LexIntelAppCollection.Name)]
public sealed class AuditLogTests(LexIntelAppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Who_did_what_to_which_case_is_recorded_and_readable_by_the_tenants_admins_only()
    {
        var tenant = Guid.NewGuid();
        using var admin = await fixture.CreateTenantClientAsync(tenant, "records-admin", Roles.TenantAdmin);
        using var walledOut = await fixture.CreateTenantClientAsync(tenant, "other-admin", Roles.TenantAdmin);
        using var lawyer = await fixture.CreateTenantClientAsync(tenant, "lawyer", Roles.Member);
        using var outsider = await fixture.CreateTenantClientAsync(tenant, "outsider", Roles.Member);
        var (caseId, documents) = await lawyer.CreateCaseWithReadyDocumentsAsync("Audited", Cancel, ("brief.txt", new StringContent("The brief cites Roe v. Wade, 410 U.S. 113 (1973).")));
        var brief = documents["brief.txt"];
        Assert.Equal(HttpStatusCode.OK, (await lawyer.PutAsJsonAsync($"/api/cases/{caseId}/members/records-admin", new { access = "viewer" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await lawyer.PutAsJsonAsync($"/api/cases/{caseId}/restriction", new { restricted = true }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lawyer.GetAsync($"/api/documents/{brief}/content", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lawyer.PostAsJsonAsync($"/api/cases/{caseId}/ask", new { question = "What does the brief cite?" }, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/documents/{brief}/content", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await lawyer.DeleteAsync($"/api/documents/{brief}", Cancel)).StatusCode);

        var forCase = (await admin.GetFromJsonAsync<AuditPage>($"/api/audit?caseId={caseId}", Cancel))!.Items;
        var denied = (await admin.GetFromJsonAsync<AuditPage>("/api/audit?action=access.denied&userId=outsider", Cancel))!.Items;
        using var byMember = await lawyer.GetAsync("/api/audit", Cancel);
        var outsideTheWall = (await walledOut.GetFromJsonAsync<AuditPage>("/api/audit", Cancel))!.Items;

        Assert.Equal(
            [
                ("lawyer", AuditActions.CaseCreate), ("lawyer", AuditActions.DocumentUpload), ("lawyer", AuditActions.MemberSet), ("lawyer", AuditActions.CaseRestriction),
                ("lawyer", AuditActions.DocumentDownload), ("lawyer", AuditActions.Ask), ("outsider", AuditActions.AccessDenied), ("lawyer", AuditActions.DocumentDelete),
            ],
            forCase.Reverse().Select(e => (e.UserId, e.Action)));
        Assert.All(forCase.Where(e => e.Action.StartsWith("document.", StringComparison.Ordinal)), e => Assert.Equal((brief, "brief.txt"), (e.DocumentId!.Value, e.Detail)));
        var refused = Assert.Single(denied);
        Assert.Equal((caseId, brief, "GET /api/documents/{documentId:guid}/content → 404"), (refused.CaseId, refused.DocumentId!.Value, refused.Detail));
        Assert.Equal(HttpStatusCode.Forbidden, byMember.StatusCode);

        // An admin who may not see the restricted case reads nothing of it, not even its documents' names.
        Assert.DoesNotContain(outsideTheWall, e => e.CaseId == caseId || e.DocumentId == brief);
    }

    [Fact]
    public async Task The_audit_log_of_one_tenant_is_not_shown_to_another()
    {
        using var first = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        using var second = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await first.CreateCaseAsync("Private", Cancel);

        var seenBySecond = (await second.GetFromJsonAsync<AuditPage>($"/api/audit?caseId={caseId}", Cancel))!.Items;
        var seenByFirst = (await first.GetFromJsonAsync<AuditPage>($"/api/audit?caseId={caseId}", Cancel))!.Items;

        Assert.Empty(seenBySecond);
        Assert.Equal(AuditActions.CaseCreate, Assert.Single(seenByFirst).Action);
    }
}
