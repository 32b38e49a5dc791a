using System.Net;
using System.Net.Http.Json;
using Aspire.Hosting.Testing;
using LexIntel.ApiService.Citations;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.Tests.EndToEnd;

/// <summary>The citation API over documents the running app ingested: one case shared by the tests.</summary>
[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class CitationsApiTests(LexIntelAppFixture fixture) : IndexedCaseTests(fixture, Indexed)
{
    private const string Brief = "Plaintiff sues under 42 U.S.C. § 1983. See Roe v. Wade, 410 U. S. 113, 120 (1973). Id. at 125.\fOn the second page: Fed. R. Civ. P. 12(b)(6).";
    private const string Memo = "The memo relies on 410 US 113 and on 42 USC 1983, and on Smith v. Jones, 123 F.3d 456 (9th Cir. 1997).";

    private static readonly IndexedCase Indexed = new("Citations", () =>
    [
        IndexedCase.CourtDocument("vector-pdf.pdf"),
        ("brief.txt", new StringContent(Brief)),
        ("memo.txt", new StringContent(Memo)),
    ]);


    [Fact]
    public async Task A_document_lists_its_authorities_with_names_pages_and_every_occurrence()
    {
        var response = await Client.GetFromJsonAsync<DocumentCitationsResponse>($"/api/documents/{Indexed.Documents["vector-pdf.pdf"]}/citations", Cancel);

        var russello = Assert.Single(response!.Authorities, a => a.Normalized == "464 U.S. 16");
        Assert.Equal("Russello v. United States", russello.CaseName);
        Assert.Equal(1983, russello.Year);
        Assert.Equal(CitationKind.Case, russello.Kind);
        Assert.Contains(16, russello.Pages);
        var occurrence = Assert.Single(russello.Occurrences);
        Assert.Equal("464 U. S. 16", occurrence.RawText);
        Assert.Equal("23", occurrence.Pin);
        await using (var db = await Fixture.OpenDatabaseAsync())
        {
            // The passage an occurrence links to is the one its text starts in, on its page.
            var passage = await db.DocumentChunks.AsNoTracking().SingleAsync(c => c.Id == occurrence.ChunkId, Cancel);
            Assert.Equal(Indexed.Documents["vector-pdf.pdf"], passage.DocumentId);
            Assert.InRange(occurrence.PageNumber!.Value, passage.PageStart, passage.PageEnd);
            Assert.Equal(occurrence.RawText, passage.Text.Substring(occurrence.Start - passage.CharStart, occurrence.RawText.Length));
        }

        Assert.Contains(response.Authorities, a => a.Normalized == "94 Stat. 3305" && a.Kind == CitationKind.Statute);
        Assert.DoesNotContain(response.Authorities, a => a.Normalized.Contains("App.", StringComparison.Ordinal));
        Assert.Equal(response.Total, response.Authorities.Sum(a => a.Count));
    }

    [Fact]
    public async Task Short_forms_count_toward_the_authority_they_shorten()
    {
        var response = await Client.GetFromJsonAsync<DocumentCitationsResponse>($"/api/documents/{Indexed.Documents["brief.txt"]}/citations", Cancel);

        var roe = Assert.Single(response!.Authorities, a => a.Normalized == "410 U.S. 113");
        Assert.Equal(2, roe.Count);
        Assert.Equal([CitationKind.Case, CitationKind.Id], roe.Occurrences.Select(o => o.Kind));
        Assert.Equal(["120", "125"], roe.Occurrences.Select(o => o.Pin));
        var rule = Assert.Single(response.Authorities, a => a.Kind == CitationKind.CourtRule);
        Assert.Equal("Fed. R. Civ. P. 12(b)(6)", rule.Normalized);
        Assert.Equal([2], rule.Pages);
    }

    [Fact]
    public async Task The_table_of_authorities_counts_documents_across_spellings_cases_first()
    {
        var table = await Client.GetFromJsonAsync<CaseAuthoritiesResponse>($"/api/cases/{Indexed.Case}/citations", Cancel);

        var roe = Assert.Single(table!.Authorities, a => a.Normalized == "410 U.S. 113");
        Assert.Equal(2, roe.Documents);
        Assert.Equal(3, roe.Citations);
        Assert.Equal("Roe v. Wade", roe.CaseName);
        Assert.Equal(["brief.txt", "memo.txt"], roe.CitedIn.Select(d => d.DocumentName));

        var statute = Assert.Single(table.Authorities, a => a.Normalized == "42 U.S.C. § 1983");
        Assert.Equal(2, statute.Documents);
        var kinds = table.Authorities.Select(a => a.Kind).ToList();
        Assert.True(kinds.LastIndexOf(CitationKind.Case) < kinds.IndexOf(CitationKind.Statute), "cases come before statutes");
    }

    [Theory]
    [InlineData("410 U. S. 113", "410 U.S. 113", new[] { "brief.txt", "memo.txt" })]
    [InlineData("Roe v. Wade, 410 U.S. 113 (1973)", "410 U.S. 113", new[] { "brief.txt", "memo.txt" })]
    [InlineData("42 U.S.C. Sec. 1983", "42 U.S.C. § 1983", new[] { "brief.txt", "memo.txt" })]
    [InlineData("464 U.S. 16", "464 U.S. 16", new[] { "vector-pdf.pdf" })]
    [InlineData("999 F.3d 1", "999 F.3d 1", new string[0])]
    public async Task Searching_an_authority_finds_the_documents_citing_it_however_written(string query, string normalized, string[] documents)
    {
        var response = await Client.GetFromJsonAsync<CitingDocumentsResponse>($"/api/cases/{Indexed.Case}/citations/search?q={Uri.EscapeDataString(query)}", Cancel);

        Assert.Equal(normalized, response!.Normalized);
        Assert.Equal(documents, response.Documents.Select(d => d.DocumentName).Order());
    }

    [Theory]
    [InlineData("", "q must be a citation")]
    [InlineData("the law of the river", "No citation recognized in 'the law of the river'")]
    public async Task A_search_without_a_citation_gets_a_problem_that_says_why(string query, string expected)
    {
        using var response = await Client.GetAsync($"/api/cases/{Indexed.Case}/citations/search?q={Uri.EscapeDataString(query)}", Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tenant_sees_none_of_the_case_or_its_documents()
    {
        using var stranger = await Fixture.CreateTenantClientAsync(Guid.NewGuid());

        using var document = await stranger.GetAsync($"/api/documents/{Indexed.Documents["brief.txt"]}/citations", Cancel);
        using var table = await stranger.GetAsync($"/api/cases/{Indexed.Case}/citations", Cancel);
        using var search = await stranger.GetAsync($"/api/cases/{Indexed.Case}/citations/search?q=410%20U.S.%20113", Cancel);

        Assert.Equal(HttpStatusCode.NotFound, document.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, table.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, search.StatusCode);
    }

    [Fact]
    public async Task Posted_text_is_extracted_with_pages_and_parts_and_nothing_stored()
    {
        using var response = await Client.PostAsJsonAsync("/api/citations/extract", new ExtractCitationsRequest(Brief), Cancel);
        var extracted = (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ExtractCitationsResponse>(Cancel))!;

        Assert.Equal(4, extracted.Count);
        var roe = extracted.Citations[1];
        Assert.Equal((CitationKind.Case, "410 U.S. 113", 410, "U.S.", "113", "120", 1973, "Roe v. Wade", 1), (roe.Kind, roe.Normalized, roe.Volume, roe.Reporter, roe.Page, roe.Pin, roe.Year, roe.CaseName, roe.PageNumber));
        Assert.Equal("410 U. S. 113", Brief[roe.Start..roe.End]);
        Assert.Equal(2, extracted.Citations[^1].PageNumber);
    }

    [Fact]
    public async Task Short_forms_without_their_full_citation_are_kept_and_listed_apart_in_the_table_of_authorities()
    {
        const string Excerpt = "As the Court held, 550 U.S. at 556, and Twombly, supra, at 570, more is needed. Roe v. Wade, 410 U.S. 113 (1973). Id. at 120.";
        using var client = await Fixture.CreateTenantClientAsync(Guid.NewGuid());
        var caseId = await client.CreateCaseAsync("Excerpt", Cancel);
        using var upload = await client.UploadAsync(caseId, Cancel, ("excerpt.txt", new StringContent(Excerpt)));
        var documentId = (await upload.Content.ReadFromJsonAsync<LexIntel.ApiService.Documents.UploadResponse>(Cancel))!.Files.Single().Document!.Id;
        Assert.Equal("ready", (await client.WaitUntilFinishedAsync(documentId, Cancel)).Status);

        var table = (await client.GetFromJsonAsync<CaseAuthoritiesResponse>($"/api/cases/{caseId}/citations", Cancel))!;
        using var extract = await client.PostAsJsonAsync("/api/citations/extract", new ExtractCitationsRequest(Excerpt), Cancel);
        var extracted = (await extract.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ExtractCitationsResponse>(Cancel))!;

        Assert.Equal(
            [("410 U.S. 113", false, 2), ("550 U.S.", true, 1), ("Twombly, supra", true, 1)],
            table.Authorities.Select(a => (a.Normalized, a.Unresolved, a.Citations)).OrderBy(a => a.Normalized, StringComparer.Ordinal));
        Assert.Equal(
            [(CitationKind.ShortCase, true, "556"), (CitationKind.Supra, true, "570"), (CitationKind.Case, false, null), (CitationKind.Id, false, "120")],
            extracted.Citations.Select(c => (c.Kind, c.Unresolved, c.Pin)));
    }

    [Fact]
    public async Task Extraction_is_for_signed_in_users_only()
    {
        using var anonymous = Fixture.CreateAnonymousClient();

        using var refused = await anonymous.PostAsJsonAsync("/api/citations/extract", new ExtractCitationsRequest("See 42 U.S.C. § 1983."), Cancel);
        using var answered = await Client.PostAsJsonAsync("/api/citations/extract", new ExtractCitationsRequest("See 42 U.S.C. § 1983."), Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        var extracted = (await answered.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ExtractCitationsResponse>(Cancel))!;
        Assert.Equal("42 U.S.C. § 1983", Assert.Single(extracted.Citations).Normalized);
    }

    [Theory]
    [InlineData("{\"text\":\"  \"}", "text is required")]
    [InlineData("{}", "text is required")]
    public async Task Extracting_nothing_gets_a_problem_that_says_why(string json, string expected)
    {
        using var response = await Client.PostAsync("/api/citations/extract", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_over_the_limit_is_refused_with_the_limit_named()
    {
        using var response = await Client.PostAsJsonAsync("/api/citations/extract", new ExtractCitationsRequest(new string('x', CitationsApi.MaxExtractCharacters + 1)), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("at most 2,000,000", await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }
}
