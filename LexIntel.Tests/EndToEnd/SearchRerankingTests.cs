using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using LexIntel.ApiService.Documents;
using LexIntel.ApiService.Search;
using LexIntel.Tests.Infrastructure;

namespace LexIntel.Tests.EndToEnd;

/// <summary>
/// The re-ranking stage with a chat model configured the way a deployment configures it
/// (<c>ConnectionStrings:chat</c>), here a local server speaking the model's wire protocol that
/// puts the passages it is given in reverse.
/// </summary>
[Tier(TestTier.EndToEnd)]
public sealed partial class SearchRerankingTests : IAsyncLifetime
{
    private const int Documents = 8;

    private readonly ThrowawayDataDirectory data = new();
    private LocalChatModel model = null!;
    private DistributedApplication app = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"^\[(\d+)\] ", RegexOptions.Multiline)]
    private static partial Regex PassageNumber();

    public async ValueTask InitializeAsync()
    {
        model = await LocalChatModel.StartAsync(Cancel);
        model.Reply = request =>
        {
            var prompt = LocalChatModel.Messages(request)[^1].Content.Replace("\\n", "\n", StringComparison.Ordinal);
            return string.Join(", ", PassageNumber().Matches(prompt).Select(m => m.Groups[1].Value).Reverse());
        };
        app = await LexIntelAppFactory.StartAsync(data.Path, Cancel, $"ConnectionStrings:chat={model.ConnectionString}");
    }

    [Fact]
    public async Task The_model_reorders_the_best_results_the_next_page_continues_its_order_without_asking_again_and_a_failing_model_leaves_the_fused_order()
    {
        using var client = await ApiClients.ForNewTenantAsync(app, Cancel);
        var caseId = await client.CreateCaseAsync("Reranked", Cancel);
        using var upload = await client.UploadAsync(
            caseId,
            Cancel,
            [.. Enumerable.Range(1, Documents).Select(i => ($"memo-{i}.txt", (HttpContent)new StringContent($"Memorandum {i} on the riparian water rights of the parties. {string.Join(' ', Enumerable.Repeat("The water was diverted.", i))}")))]);
        foreach (var file in (await upload.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<UploadResponse>(Cancel))!.Files)
        {
            Assert.Equal("ready", (await client.WaitUntilFinishedAsync(file.Document!.Id, Cancel)).Status);
        }

        var (fused, _) = await SearchAsync(client, caseId, new { query = "water rights", mode = "keyword", group = "passage", limit = Documents });
        var (first, firstTiming) = await SearchAsync(client, caseId, new { query = "water rights", mode = "keyword", group = "passage", limit = Documents / 2, rerank = true });
        var (second, secondTiming) = await SearchAsync(client, caseId, new { query = "water rights", mode = "keyword", group = "passage", limit = Documents / 2, rerank = true, cursor = first.NextCursor });

        // Fewer results than the reranking depth: the model read all of them, and reversed them.
        Assert.Equal(Documents, fused.Items.Count);
        Assert.Equal(fused.Items.Select(h => h.ChunkId).Reverse(), first.Items.Concat(second.Items).Select(h => h.ChunkId));
        var scores = first.Items.Concat(second.Items).Select(h => h.Score.Value).ToList();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Equal("rerank;desc=\"reranked, 100 input tokens, 20 output tokens\"", WithoutDuration(firstTiming));
        Assert.Equal("rerank;desc=\"cached\"", WithoutDuration(secondTiming));

        var request = Assert.Single(model.Requests);
        var messages = LocalChatModel.Messages(request);
        Assert.Contains("rank passages", messages[0].Content, StringComparison.Ordinal);
        Assert.Contains("Search: water rights", messages[1].Content, StringComparison.Ordinal);
        Assert.Contains("Memorandum 8 on the riparian water rights", messages[1].Content, StringComparison.Ordinal);

        // A reply that names no passage: the search still answers, in the fused order, and says so.
        model.Reply = _ => "I am unable to rank these passages.";
        var (unchanged, _) = await SearchAsync(client, caseId, new { query = "riparian water", mode = "keyword", group = "passage" });
        var (failed, failedTiming) = await SearchAsync(client, caseId, new { query = "riparian water", mode = "keyword", group = "passage", rerank = true });
        Assert.Equal(unchanged.Items.Select(h => h.ChunkId), failed.Items.Select(h => h.ChunkId));
        Assert.Equal("rerank;desc=\"failed\"", WithoutDuration(failedTiming));
        Assert.Equal(2, model.Requests.Count);
    }

    private static async Task<(SearchResponse Response, string? ServerTiming)> SearchAsync(HttpClient client, Guid caseId, object request)
    {
        using var response = await client.PostAsJsonAsync($"/api/cases/{caseId}/search", request, Cancel);
        var body = await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<SearchResponse>(Cancel);
        return (body!, response.Headers.TryGetValues("Server-Timing", out var timing) ? string.Join(", ", timing) : null);
    }

    private static string? WithoutDuration(string? serverTiming) => serverTiming is null ? null : Regex.Replace(serverTiming, @"dur=[\d.]+;", string.Empty);

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        await model.DisposeAsync();
        data.Dispose();
    }
}
