using System.Net;
using System.Net.Http.Json;
using LexIntel.ApiService.Documents;
using LexIntel.ApiService.Search;
using LexIntel.Shared.Documents;
using LexIntel.Tests.Infrastructure;

namespace LexIntel.Tests.EndToEnd;

/// <summary>Legacy Word and RTF through the running app: uploaded, converted in the worker's sandbox, chunked and found.</summary>
[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class LegacyFormatIngestionTests(LexIntelAppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_doc_and_an_rtf_become_ready_and_a_keyword_search_finds_a_word_of_each()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var (caseId, documents) = await client.CreateCaseWithReadyDocumentsAsync("State v. Barker", Cancel,
            ("barker.doc", new ByteArrayContent(LegacyWordFiles.Original())),
            ("claim.rtf", new ByteArrayContent(SampleRtf.Claim())));

        var doc = await client.GetFromJsonAsync<DocumentResponse>($"/api/documents/{documents["barker.doc"]}", Cancel);
        var rtf = await client.GetFromJsonAsync<DocumentResponse>($"/api/documents/{documents["claim.rtf"]}", Cancel);
        Assert.Equal((DocumentContentTypes.Doc, 1), (doc!.ContentType, doc.PageCount));
        Assert.Equal((DocumentContentTypes.Rtf, 1), (rtf!.ContentType, rtf.PageCount));

        var apprendi = await SearchAsync(client, caseId, "Apprendi");
        var muller = await SearchAsync(client, caseId, "Müller");

        Assert.NotEmpty(apprendi.Items);
        Assert.All(apprendi.Items, hit => Assert.Equal(doc.Id, hit.DocumentId));
        Assert.Contains("Apprendi v. New Jersey", apprendi.Items[0].Text, StringComparison.Ordinal);
        var hit = Assert.Single(muller.Items);
        Assert.Equal(rtf.Id, hit.DocumentId);
        Assert.Contains("42 U.S.C. § 1983", hit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_compound_file_that_is_not_word_is_refused_at_upload_naming_the_formats_taken()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Spreadsheets", Cancel);

        using var response = await client.UploadAsync(caseId, Cancel, ("budget.xls", new ByteArrayContent(LegacyWordFiles.WithMainStreamNamed("Workbook"))));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains($"budget.xls is not {DocumentContentTypes.AcceptedKinds}", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    private static async Task<SearchResponse> SearchAsync(HttpClient client, Guid caseId, string query)
    {
        using var response = await client.PostAsJsonAsync($"/api/cases/{caseId}/search", new { query, mode = "keyword" }, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SearchResponse>(Cancel))!;
    }
}
