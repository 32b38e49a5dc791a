using System.Net;
using System.Net.Http.Json;
using LexIntel.ApiService.Search;
using LexIntel.Shared.Data.Entities;
using LexIntel.Tests.Harness.Retrieval;
using Microsoft.EntityFrameworkCore;

namespace LexIntel.Tests.EndToEnd;

/// <summary>Search over real corpus documents ingested by the running app; one case shared by the tests.</summary>
[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class SearchTests(LexIntelAppFixture fixture) : IndexedCaseTests(fixture, Indexed)
{
    private const string Note = "Plaintiff sues under 42 U.S.C. § 1983 for excessive force. The court relied on Roe v. Wade, 410 U.S. 113 (1973).";

    private static readonly string[] PlainText = ["text/plain"];

    private static readonly IndexedCase Indexed = new("Search", () =>
    [
        IndexedCase.CourtDocument("vector-pdf.pdf"),
        IndexedCase.CourtDocument("ca1_00117684624.pdf"),
        IndexedCase.CourtDocument("missouri.pdf"),
        ("note.txt", new StringContent(Note)),
    ]);


    private async Task<SearchResponse> SearchAsync(object request, Guid? caseId = null)
    {
        using var response = await Client.PostAsJsonAsync($"/api/cases/{caseId ?? Indexed.Case}/search", request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SearchResponse>(Cancel))!;
    }

    private static string NameOf(SearchHit hit) => Indexed.Documents.Single(d => d.Value == hit.DocumentId).Key;

    [Fact]
    public async Task A_quoted_phrase_finds_the_passage_with_highlights_pages_and_citations()
    {
        var result = await SearchAsync(new { query = "\"Red River Compact\"", mode = "keyword" });

        Assert.Equal("keyword", result.Mode);
        Assert.NotEmpty(result.Items);
        Assert.All(result.Items, hit =>
        {
            Assert.Equal("vector-pdf.pdf", NameOf(hit));
            Assert.Equal("vector-pdf.pdf", hit.DocumentName);
            Assert.Contains("Red River Compact", hit.Text.ReplaceLineEndings(" "), StringComparison.Ordinal);
            Assert.Contains("<mark>", hit.Highlight, StringComparison.Ordinal);
            Assert.InRange(hit.PageStart, 1, 30);
            Assert.InRange(hit.PageEnd, hit.PageStart, 30);
            Assert.NotNull(hit.Score.KeywordRank);
            Assert.Null(hit.Score.SemanticRank);
        });
        Assert.Equal(1, result.Items[0].Score.KeywordRank);
        Assert.Contains(result.Items, hit => hit.Citations.Count > 0);
    }

    [Fact]
    public async Task A_question_in_other_words_finds_the_passage_that_answers_it_semantically()
    {
        const string PleaQuestion = "was her guilty plea voluntary or did her lawyer pressure her into it";
        const string WaterQuestion = "can a state agency take water across state lines under an interstate agreement";

        var plea = await SearchAsync(new { query = PleaQuestion, mode = "semantic", limit = 3 });
        var water = await SearchAsync(new { query = WaterQuestion, mode = "semantic", limit = 3 });

        Assert.All(plea.Items, hit => Assert.Equal("missouri.pdf", NameOf(hit)));
        Assert.All(water.Items, hit => Assert.Equal("vector-pdf.pdf", NameOf(hit)));

        // The questions say "lawyer" and "interstate agreement" where the opinions say "counsel"
        // and "compact". Page 1 of the Missouri opinion is its caption.
        Assert.InRange(plea.Items[0].PageStart, 2, 5);
        Assert.Contains("counsel", plea.Items[0].Text, StringComparison.Ordinal);
        Assert.Contains("plea", plea.Items[0].Text, StringComparison.Ordinal);
        Assert.Contains("compact", water.Items[0].Text, StringComparison.OrdinalIgnoreCase);

        // Each answer is closer to its question than anything in the other question's opinion.
        var pleaInWaterOpinion = await BestSimilarityAsync(PleaQuestion, "vector-pdf.pdf");
        var waterInPleaOpinion = await BestSimilarityAsync(WaterQuestion, "missouri.pdf");
        Assert.True(plea.Items[0].Score.SemanticSimilarity > pleaInWaterOpinion, $"{plea.Items[0].Score.SemanticSimilarity} vs {pleaInWaterOpinion}");
        Assert.True(water.Items[0].Score.SemanticSimilarity > waterInPleaOpinion, $"{water.Items[0].Score.SemanticSimilarity} vs {waterInPleaOpinion}");
    }

    [Fact]
    public async Task Keyword_search_ranks_a_question_by_the_words_a_passage_shares_with_it()
    {
        // "lawyer" and "pressure" are in no passage, so requiring every word would find nothing.
        var result = await SearchAsync(new { query = "was her guilty plea voluntary or did her lawyer pressure her into it", mode = "keyword", limit = 5 });

        Assert.NotEmpty(result.Items);
        Assert.Equal("missouri.pdf", NameOf(result.Items[0]));
        Assert.Contains("plea", result.Items[0].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("voluntar", result.Items[0].Text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(result.Items.Select(h => h.Score.Value).OrderDescending(), result.Items.Select(h => h.Score.Value));
    }

    [Fact]
    public async Task Keyword_search_weighs_a_rare_term_above_a_common_one()
    {
        // Each report holds "water" four times, the memo "zygote" once: one term each, but the rare one says which passage is meant.
        var reports = Enumerable.Range(1, 20).Select(i => ($"report-{i}.txt", (HttpContent)new StringContent($"Report {i}: the water rose. Water covered road {i}. Water everywhere, water again.")));
        var (caseId, documents) = await Client.CreateCaseWithReadyDocumentsAsync("Rarity", Cancel, [.. reports, ("memo.txt", new StringContent("The expert mentioned a zygote once."))]);

        var result = await SearchAsync(new { query = "zygote water", mode = "keyword", limit = 3 }, caseId);

        Assert.Equal(documents["memo.txt"], result.Items[0].DocumentId);
        Assert.Equal(3, result.Items.Count);
    }

    [Fact]
    public async Task Semantic_search_finds_a_passage_by_its_nearest_window()
    {
        const string Question = "was her guilty plea voluntary or did her lawyer pressure her into it";
        var (caseId, documents) = await Client.CreateCaseWithReadyDocumentsAsync("Windows", Cancel, ("memo.txt", new StringContent("The hearing was moved to Tuesday morning.")));
        var unrelated = Assert.Single((await SearchAsync(new { query = Question, mode = "semantic", limit = 1 }, caseId)).Items);
        var answer = (await SearchAsync(new { query = Question, mode = "semantic", limit = 1, filters = new { documentIds = new[] { Indexed.Documents["missouri.pdf"] } } })).Items[0];
        Assert.True(answer.Score.SemanticSimilarity > unrelated.Score.SemanticSimilarity + 0.05, $"{answer.Score.SemanticSimilarity} vs {unrelated.Score.SemanticSimilarity}");

        // The memo, too short for windows of its own, is given the answering passage's vectors (its
        // own and its windows') as windows: it is now exactly as near as that passage.
        await using (var db = await Fixture.OpenDatabaseAsync())
        {
            var memo = await db.DocumentChunks.Where(c => c.DocumentId == documents["memo.txt"]).Select(c => c.Id).SingleAsync(Cancel);
            Assert.False(await db.PassageWindows.AnyAsync(w => w.ChunkId == memo, Cancel));
            var vectors = await db.PassageWindows.Where(w => w.ChunkId == answer.ChunkId).Select(w => w.Embedding).ToListAsync(Cancel);
            vectors.Add((await db.DocumentChunks.Where(c => c.Id == answer.ChunkId).Select(c => c.Embedding).SingleAsync(Cancel))!);
            db.PassageWindows.AddRange(vectors.Select((vector, ordinal) => new PassageWindow { ChunkId = memo, Ordinal = ordinal, CharStart = 0, CharEnd = 4, Embedding = vector }));
            await db.SaveChangesAsync(Cancel);
        }

        var found = Assert.Single((await SearchAsync(new { query = Question, mode = "semantic", limit = 1 }, caseId)).Items);
        Assert.Equal(unrelated.ChunkId, found.ChunkId);
        Assert.Equal(answer.Score.SemanticSimilarity!.Value, found.Score.SemanticSimilarity!.Value, 1e-5);
    }

    private async Task<double> BestSimilarityAsync(string query, string document)
    {
        var result = await SearchAsync(new { query, mode = "semantic", limit = 1, filters = new { documentIds = new[] { Indexed.Documents[document] } } });
        return Assert.Single(result.Items).Score.SemanticSimilarity!.Value;
    }

    [Fact]
    public async Task Hybrid_is_the_default_and_reports_both_rankings()
    {
        var result = await SearchAsync(new { query = "water rights Oklahoma" });

        Assert.Equal("hybrid", result.Mode);
        var both = result.Items.First(hit => hit.Score.KeywordRank is not null && hit.Score.SemanticRank is not null);

        // Each ranking's scores scaled to [0, 1] over its candidates: keyword by the best, similarity from the worst to the best.
        var keyword = await SearchRanking.ReadAsync(Client, Indexed.Case, "water rights Oklahoma", "keyword", Cancel);
        var similarities = (await SearchRanking.ReadAsync(Client, Indexed.Case, "water rights Oklahoma", "semantic", Cancel)).Select(h => h.Score.SemanticSimilarity!.Value).ToList();
        var defaults = new SearchOptions();
        var expected = (defaults.KeywordWeight * both.Score.KeywordScore!.Value / keyword[0].Score.KeywordScore!.Value)
            + (defaults.SemanticWeight * (both.Score.SemanticSimilarity!.Value - similarities.Min()) / (similarities.Max() - similarities.Min()));
        Assert.Equal(expected, both.Score.Value, 9);
        Assert.Equal(result.Items.Select(h => h.Score.Value).OrderDescending(), result.Items.Select(h => h.Score.Value));
    }

    [Fact]
    public async Task Results_keep_the_best_passage_of_each_page_or_of_each_document()
    {
        var passages = await SearchAsync(new { query = "water compact Oklahoma Texas", group = "passage", limit = 50 });
        var pages = await SearchAsync(new { query = "water compact Oklahoma Texas", limit = 50 });
        var documents = await SearchAsync(new { query = "water compact Oklahoma Texas", group = "document", limit = 50 });

        // The opinion's long pages give several passages each; grouped, each page and document once, its best passage first.
        var pagesOfPassages = passages.Items.DistinctBy(h => (h.DocumentId, h.PageStart)).Count();
        Assert.True(pagesOfPassages < passages.Items.Count, $"{passages.Items.Count} passages on {pagesOfPassages} pages");
        Assert.Equal(pages.Items.Count, pages.Items.DistinctBy(h => (h.DocumentId, h.PageStart)).Count());
        Assert.Equal(documents.Items.Count, documents.Items.DistinctBy(h => h.DocumentId).Count());
        Assert.Equal(passages.Items[0].ChunkId, pages.Items[0].ChunkId);
        Assert.Equal(passages.Items[0].ChunkId, documents.Items[0].ChunkId);
        foreach (var page in passages.Items.GroupBy(h => (h.DocumentId, h.PageStart)))
        {
            Assert.Contains(pages.Items, h => h.ChunkId == page.MaxBy(p => p.Score.Value)!.ChunkId);
        }
    }

    [Theory]
    [InlineData("F.3d")]
    [InlineData("F. 3d")]
    public async Task A_reporter_matches_however_it_is_spaced(string query)
    {
        var result = await SearchAsync(new { query, mode = "keyword", limit = 50 });

        var documents = result.Items.Select(NameOf).ToHashSet();
        Assert.Contains("ca1_00117684624.pdf", documents); // written "564 F.3d 40"
        Assert.Contains("vector-pdf.pdf", documents); // written "F. 3d"
    }

    [Fact]
    public async Task A_section_sign_query_finds_the_statute()
    {
        var result = await SearchAsync(new { query = "§ 1983", mode = "keyword" });

        Assert.Equal("note.txt", NameOf(result.Items[0]));
        Assert.Contains("42 U.S.C. § 1983", result.Items[0].Citations);
    }

    [Fact]
    public async Task Filters_narrow_by_document_type_and_cited_authority()
    {
        var inMissouri = await SearchAsync(new { query = "counsel", filters = new { documentIds = new[] { Indexed.Documents["missouri.pdf"] } } });
        var plainText = await SearchAsync(new { query = "court", filters = new { contentTypes = PlainText } });
        var citingRoe = await SearchAsync(new { query = "court", filters = new { cites = "410 U. S. 113" } });
        var future = await SearchAsync(new { query = "court", filters = new { uploadedFrom = DateTimeOffset.UtcNow.AddDays(1) } });

        Assert.NotEmpty(inMissouri.Items);
        Assert.All(inMissouri.Items, hit => Assert.Equal("missouri.pdf", NameOf(hit)));
        Assert.Equal(["note.txt"], plainText.Items.Select(NameOf).Distinct());
        Assert.Equal(["note.txt"], citingRoe.Items.Select(NameOf).Distinct());
        Assert.Empty(future.Items);
    }

    [Fact]
    public async Task Pages_follow_the_cursor_without_repeats_and_a_cursor_only_fits_its_own_query()
    {
        var first = await SearchAsync(new { query = "water", mode = "keyword", limit = 3 });
        var second = await SearchAsync(new { query = "water", mode = "keyword", limit = 3, cursor = first.NextCursor });
        var all = await SearchAsync(new { query = "water", mode = "keyword", limit = 6 });
        using var misused = await Client.PostAsJsonAsync($"/api/cases/{Indexed.Case}/search", new { query = "river", mode = "keyword", cursor = first.NextCursor }, Cancel);

        Assert.NotNull(first.NextCursor);
        Assert.Equal(all.Items.Select(h => h.ChunkId), first.Items.Concat(second.Items).Select(h => h.ChunkId));
        Assert.Equal(HttpStatusCode.BadRequest, misused.StatusCode);
        Assert.Contains("another search", await misused.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"query\":\"  \"}", "query")]
    [InlineData("{\"query\":\"water\",\"mode\":\"fuzzy\"}", "Unknown mode 'fuzzy'")]
    [InlineData("{\"query\":\"water\",\"limit\":0}", "limit must be between 1 and 50")]
    [InlineData("{\"query\":\"water\",\"group\":\"chapter\"}", "Unknown grouping 'chapter'")]
    [InlineData("{\"query\":\"water\",\"cursor\":\"!!\"}", "not one this API returned")]
    [InlineData("{\"query\":\"water\",\"rerank\":true}", "Re-ranking needs a chat model, and none is configured")]
    [InlineData("{\"query\":", "could not be read")]
    public async Task Bad_searches_get_a_problem_that_says_why(string json, string expected)
    {
        using var response = await Client.PostAsync($"/api/cases/{Indexed.Case}/search", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_tenant_finds_nothing_and_cannot_search_the_case()
    {
        using var stranger = await Fixture.CreateTenantClientAsync(Guid.NewGuid());

        using var caseSearch = await stranger.PostAsJsonAsync($"/api/cases/{Indexed.Case}/search", new { query = "water" }, Cancel);
        using var tenantSearch = await stranger.PostAsJsonAsync("/api/search", new { query = "water" }, Cancel);
        var own = await Client.PostAsJsonAsync("/api/search", new { query = "water", filters = new { caseIds = new[] { Indexed.Case } } }, Cancel);

        Assert.Equal(HttpStatusCode.NotFound, caseSearch.StatusCode);
        Assert.Empty((await tenantSearch.Content.ReadFromJsonAsync<SearchResponse>(Cancel))!.Items);
        Assert.NotEmpty((await own.Content.ReadFromJsonAsync<SearchResponse>(Cancel))!.Items);
    }
}
