using System.Net.Http.Json;
using LexIntel.ApiService.Documents;
using LexIntel.ApiService.Search;
using LexIntel.Tests.Infrastructure;

namespace LexIntel.Tests.EndToEnd;

/// <summary>Scans through the running app: OCR in the worker's sandbox, progress per page, text found on its page.</summary>
[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class OcrIngestionTests(LexIntelAppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Scan => TestData.CourtDocument("image-pdf.pdf");

    [Fact]
    public async Task A_multi_page_tiff_is_read_page_by_page_with_progress_for_each_page()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Faxed order", Cancel);
        var tiff = await Scans.MultiPageTiffAsync(Scan, [1, 2], 300, Cancel);

        var id = await UploadAsync(client, caseId, "order.tif", tiff);
        var events = await client.ReadEventsAsync($"/api/documents/{id}/progress", Cancel, lastEventId: "0-0", until: e => e.Any(x => x.Json.TryGetProperty("final", out var f) && f.GetBoolean()));
        var document = await client.WaitUntilFinishedAsync(id, Cancel);

        Assert.Equal(("ready", "image/tiff", 2, 2, true), (document.Status, document.ContentType, document.PageCount, document.OcrPages, document.ExtractedByOcr));
        var ocr = events.Where(e => e.Type == "progress" && e.Json.GetProperty("message").GetString()!.Contains("by OCR", StringComparison.Ordinal)).ToList();
        var pageEvents = ocr.Select(e => e.Json.GetProperty("message").GetString()).Where(m => m!.StartsWith("Read page", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, pageEvents.Count);
        Assert.Contains(pageEvents, m => m!.StartsWith("Read page 1 by OCR", StringComparison.Ordinal));
        Assert.Contains(pageEvents, m => m!.StartsWith("Read page 2 by OCR", StringComparison.Ordinal));
        Assert.All(ocr, e =>
        {
            Assert.Equal("extracting", e.Json.GetProperty("stage").GetString());
            Assert.InRange(e.Json.GetProperty("percent").GetInt32(), 10, 25);
        });

        Assert.Equal([(2, 2)], await PagesFoundAsync(client, caseId, id, "diverting"));
    }

    [Fact]
    public async Task A_mixed_pdf_keeps_its_text_page_and_reads_only_its_scanned_page()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Mixed exhibit", Cancel);
        var scanned = await Scans.RenderPageAsync(Scan, 2, 300, Cancel);
        var pdf = Scans.MixedPdf(["MEMORANDUM OPINION AND ORDER", "The motion to dismiss for want of a Quillfeather covenant is denied."], scanned);

        var id = await UploadAsync(client, caseId, "exhibit.pdf", pdf);
        var document = await client.WaitUntilFinishedAsync(id, Cancel);

        Assert.Equal(("ready", 2, 1, true), (document.Status, document.PageCount, document.OcrPages, document.ExtractedByOcr));
        var pages = (await client.GetFromJsonAsync<DocumentPagesResponse>($"/api/documents/{id}/pages", Cancel))!.Pages;
        Assert.Equal([(1, false), (2, true)], pages.Select(p => (p.Number, p.ExtractedByOcr)));
        // The short text page shares its passage with the start of the scanned one.
        Assert.Equal(1, Assert.Single(await PagesFoundAsync(client, caseId, id, "Quillfeather")).Item1);
        Assert.All(await PagesFoundAsync(client, caseId, id, "diverting"), pages => Assert.Equal(2, pages.Item2));
        Assert.NotEmpty(await PagesFoundAsync(client, caseId, id, "diverting"));
    }

    private static async Task<Guid> UploadAsync(HttpClient client, Guid caseId, string fileName, byte[] content)
    {
        using var upload = await client.UploadAsync(caseId, Cancel, (fileName, new ByteArrayContent(content)));
        return (await upload.Content.ReadFromJsonAsync<UploadResponse>(Cancel))!.Files.Single().Document!.Id;
    }

    /// <summary>The page ranges of the document's keyword hits for <paramref name="word"/>.</summary>
    private static async Task<List<(int, int)>> PagesFoundAsync(HttpClient client, Guid caseId, Guid documentId, string word)
    {
        using var search = await client.PostAsJsonAsync($"/api/cases/{caseId}/search", new { query = word, mode = "keyword" }, Cancel);
        var hits = (await search.Content.ReadFromJsonAsync<SearchResponse>(Cancel))!.Items.Where(h => h.DocumentId == documentId);
        return [.. hits.Select(h => (h.PageStart, h.PageEnd)).Distinct()];
    }
}
