using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using LexIntel.ApiService.Documents;
using LexIntel.Shared.Data;
using LexIntel.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.Tests.EndToEnd;

/// <summary>A stamped district-court filing through the running app: its furniture off the chunks and on the pages, its docket number and filing date on the document.</summary>
[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class DocumentPagesTests(LexIntelAppFixture fixture)
{
    private const string Filing = "gov.uscourts.cand.321939.161.0.pdf";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stamped_filing_has_its_docket_on_the_document_its_furniture_on_its_pages_and_none_in_its_chunks()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Uniloc v. Apple", Cancel);
        using var upload = await client.UploadAsync(caseId, Cancel, (Filing, new ByteArrayContent(File.ReadAllBytes(Path.Combine(TestData.RecapFilings, Filing)))));
        var documentId = (await upload.Content.ReadFromJsonAsync<UploadResponse>(Cancel))!.Files.Single().Document!.Id;

        var document = await client.WaitUntilFinishedAsync(documentId, Cancel);

        Assert.Equal("ready", document.Status);
        Assert.Equal("3:18-cv-00572", document.DocketNumber);
        Assert.Equal(new DateOnly(2018, 11, 27), document.FiledOn);

        var pages = (await client.GetFromJsonAsync<DocumentPagesResponse>($"/api/documents/{documentId}/pages", Cancel))!;
        Assert.Equal(documentId, pages.DocumentId);
        Assert.Equal(Enumerable.Range(1, 21), pages.Pages.Select(p => p.Number));
        Assert.All(pages.Pages, p => Assert.False(p.ExtractedByOcr));
        Assert.Contains("Case 3:18-cv-00572-WHA Document 161 Filed 11/27/18 Page 2 of 21", pages.Pages[1].Furniture);
        Assert.Contains("APPLE’S REPLY IN SUPPORT OF ITS MOTION TO DISMISS", pages.Pages[4].Furniture);

        await using var db = await fixture.OpenDatabaseAsync();
        var chunks = await db.DocumentChunks.AsNoTracking().Where(c => c.DocumentId == documentId).Select(c => c.Text).ToListAsync(Cancel);
        Assert.NotEmpty(chunks);
        Assert.All(chunks, c => Assert.DoesNotContain("Document 161", c, StringComparison.Ordinal));
        Assert.Equal(0, await db.Documents.Where(d => d.Id == documentId).Select(d => d.OcrPageCount).SingleAsync(Cancel));
    }

    [Fact]
    public async Task The_pages_of_a_document_that_does_not_exist_are_a_404_problem()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());

        using var response = await client.GetAsync($"/api/documents/{Guid.NewGuid()}/pages", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
