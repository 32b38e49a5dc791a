using System.Net;
using System.Net.Http.Json;

namespace LexIntel.Tests.EndToEnd;

[Tier(TestTier.EndToEnd)]
[Collection(LexIntelAppCollection.Name)]
public sealed class CaseAccessTests(LexIntelAppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task No_route_of_a_case_answers_a_caller_of_another_tenant()
    {
        using var owner = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        using var stranger = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await owner.CreateCaseAsync("Walled matter", Cancel);
        var routes = (await DocumentedRoutes.ReadAsync(owner, Cancel)).Where(r => r.Template.Contains("{caseId}", StringComparison.Ordinal)).ToList();
        Assert.True(routes.Count >= 10, $"the API documents only {routes.Count} case routes: {string.Join(", ", routes)}");

        var reached = new List<string>();
        foreach (var (method, template) in routes)
        {
            using var request = new HttpRequestMessage(method, template.Replace("{caseId}", caseId.ToString(), StringComparison.Ordinal));
            if (method == HttpMethod.Post || method == HttpMethod.Put)
            {
                request.Content = JsonContent.Create(new { name = "taken over", query = "Roe", question = "What was held?" });
            }

            using var response = await stranger.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Cancel);
            if (response.StatusCode != HttpStatusCode.NotFound || !(await response.Content.ReadAsStringAsync(Cancel)).Contains("Case not found", StringComparison.Ordinal))
            {
                reached.Add($"{method} {template} → {(int)response.StatusCode}");
            }
        }

        Assert.True(reached.Count == 0, "a caller of another tenant reached: " + string.Join("; ", reached));
        using var stillThere = await owner.GetAsync($"/api/cases/{caseId}", Cancel);
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        using var documents = await owner.GetAsync($"/api/cases/{caseId}/documents", Cancel);
        Assert.Equal(HttpStatusCode.OK, documents.StatusCode);
    }
}
