using System.Net;
using System.Net.Http.Json;
using LexIntel.ApiService.Documents;
using LexIntel.Tests.Infrastructure;

namespace LexIntel.Tests.EndToEnd;

[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class CaseLifecycleTests(LexIntelAppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_case_can_be_renamed_and_deleting_it_removes_its_documents_and_files()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Doe v. Roe", Cancel);
        using var upload = await client.UploadAsync(caseId, Cancel, ("brief.txt", new StringContent("The brief cites Marbury v. Madison, 5 U.S. 137 (1803).")));
        var documentId = (await upload.Content.ReadFromJsonAsync<UploadResponse>(Cancel))!.Files.Single().Document!.Id;
        Assert.Equal("ready", (await client.WaitUntilFinishedAsync(documentId, Cancel)).Status);
        var storedFiles = Directory.GetFiles(fixture.DataDirectory, documentId.ToString("N"), SearchOption.AllDirectories);
        Assert.Single(storedFiles);

        using var renamed = await client.PutAsJsonAsync($"/api/cases/{caseId}", new { name = "Doe v. Roe (on appeal)" }, Cancel);
        using var blank = await client.PutAsJsonAsync($"/api/cases/{caseId}", new { name = " " }, Cancel);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, blank.StatusCode);
        Assert.Contains("Doe v. Roe (on appeal)", await (await client.GetAsync($"/api/cases/{caseId}", Cancel)).Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);

        using var otherTenant = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        using var foreignDelete = await otherTenant.DeleteAsync($"/api/cases/{caseId}", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, foreignDelete.StatusCode);

        using var deleted = await client.DeleteAsync($"/api/cases/{caseId}", Cancel);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/cases/{caseId}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/documents/{documentId}", Cancel)).StatusCode);
        await Eventually.HoldsAsync(() => !File.Exists(storedFiles[0]), TimeSpan.FromSeconds(30), "the stored original to go with its case");
    }
}
