using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LexIntel.ApiService.Identity;
using LexIntel.ApiService.Progress;
using LexIntel.Tests.Infrastructure;

namespace LexIntel.Tests.EndToEnd;

/// <summary>
/// Limits through the real API: citation extraction, limited tightly in the shared app
/// (<see cref="LexIntelAppFixture.CitationExtractionPerUser"/>), and open progress streams at their default.
/// </summary>
[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class RateLimitTests(LexIntelAppFixture fixture)
{
    private const int PerUser = LexIntelAppFixture.CitationExtractionPerUser;
    private const int PerTenant = LexIntelAppFixture.CitationExtractionPerTenant;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Citation_extraction_trips_at_the_users_then_the_tenants_limit_and_recovers_after_Retry_After()
    {
        var tenant = Guid.NewGuid();
        using var first = await fixture.CreateTenantClientAsync(tenant, "first", Roles.Member);
        using var second = await fixture.CreateTenantClientAsync(tenant, "second", Roles.Member);
        using var elsewhere = await fixture.CreateTenantClientAsync(Guid.NewGuid(), "first", Roles.Member);
        var window = LexIntelAppFixture.CitationExtractionWindow;
        var clock = Stopwatch.StartNew();

        await ExtractAsync(first, PerUser, HttpStatusCode.OK, clock);
        var userRefusal = await ExtractAsync(first, 1, HttpStatusCode.TooManyRequests, clock);

        // The first user's refusal spent nothing of the tenant's share: the second user gets all the rest of it.
        await ExtractAsync(second, PerTenant - PerUser, HttpStatusCode.OK, clock);
        var tenantRefusal = await ExtractAsync(second, 1, HttpStatusCode.TooManyRequests, clock);
        await ExtractAsync(elsewhere, 1, HttpStatusCode.OK, clock);
        Assert.True(clock.Elapsed < window, $"the requests took {clock.Elapsed}, longer than the {window} window they had to fit in");

        Assert.Equal(window, userRefusal.RetryAfter);
        Assert.Equal($"You may make {PerUser} citation extraction requests per {window.TotalSeconds} seconds; try again in {window.TotalSeconds} s.", userRefusal.Detail);
        Assert.Equal(window, tenantRefusal.RetryAfter);
        Assert.Equal($"Your tenant's users may make {PerTenant} citation extraction requests per {window.TotalSeconds} seconds together; try again in {window.TotalSeconds} s.", tenantRefusal.Detail);

        // The limiter renews its windows on a 100 ms timer.
        await Task.Delay(userRefusal.RetryAfter!.Value + TimeSpan.FromMilliseconds(500), Cancel);
        clock.Restart();
        await ExtractAsync(first, 1, HttpStatusCode.OK, clock);
        await ExtractAsync(second, 1, HttpStatusCode.OK, clock);
    }

    [Fact]
    public async Task A_user_holds_at_most_the_configured_number_of_progress_streams_open_and_gets_one_back_when_one_closes()
    {
        var most = new ProgressStreamOptions().MaxOpenPerUser;
        var tenant = Guid.NewGuid();
        using var client = await fixture.CreateTenantClientAsync(tenant);
        using var colleague = await fixture.CreateTenantClientAsync(tenant, "colleague", Roles.Member);
        var caseId = await client.CreateCaseAsync("Streams", Cancel);

        // A feed answers its headers with its first event: a document's state, at once.
        using (var upload = await client.UploadAsync(caseId, Cancel, ("notes.txt", new StringContent("Notes on the hearing."))))
        {
            upload.EnsureSuccessStatusCode();
        }

        var feed = $"/api/cases/{caseId}/progress";
        var open = new List<HttpResponseMessage>();
        try
        {
            for (var i = 0; i < most; i++)
            {
                open.Add(await client.GetAsync(feed, HttpCompletionOption.ResponseHeadersRead, Cancel));
                Assert.Equal(HttpStatusCode.OK, open[^1].StatusCode);
            }

            using (var refused = await client.GetAsync(feed, HttpCompletionOption.ResponseHeadersRead, Cancel))
            {
                Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
                Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
                var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(Cancel);
                Assert.Equal($"You have {most} progress streams open, the most one user may; close one before opening another.", problem.GetProperty("detail").GetString());
            }

            using (var others = await colleague.GetAsync(feed, HttpCompletionOption.ResponseHeadersRead, Cancel))
            {
                Assert.Equal(HttpStatusCode.OK, others.StatusCode);
            }

            open[0].Dispose();
            await Eventually.HoldsAsync(
                async () =>
                {
                    using var again = await client.GetAsync(feed, HttpCompletionOption.ResponseHeadersRead, Cancel);
                    return again.StatusCode == HttpStatusCode.OK;
                },
                TimeSpan.FromSeconds(15),
                "a stream to open once one of the user's streams closed");
        }
        finally
        {
            open.ForEach(r => r.Dispose());
        }
    }

    /// <summary>Sends <paramref name="count"/> extractions, each of which must be answered <paramref name="expected"/>; the last one's refusal, if any.</summary>
    private static async Task<(TimeSpan? RetryAfter, string? Detail)> ExtractAsync(HttpClient client, int count, HttpStatusCode expected, Stopwatch clock)
    {
        (TimeSpan?, string?) last = default;
        for (var i = 1; i <= count; i++)
        {
            using var response = await client.PostAsJsonAsync("/api/citations/extract", new { text = "See 42 U.S.C. § 1983." }, Cancel);
            Assert.True(response.StatusCode == expected, $"request {i} of {count} at {clock.Elapsed} was answered {(int)response.StatusCode}, not {(int)expected}");
            if (expected == HttpStatusCode.TooManyRequests)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
                Assert.Equal(429, problem.GetProperty("status").GetInt32());
                last = (response.Headers.RetryAfter?.Delta, problem.GetProperty("detail").GetString());
            }
        }

        return last;
    }
}
