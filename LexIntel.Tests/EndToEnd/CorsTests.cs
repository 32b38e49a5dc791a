using System.Net;

namespace LexIntel.Tests.EndToEnd;

/// <summary>Cross-origin access for the shared app's one allowed origin (<see cref="LexIntelAppFixture.AllowedOrigin"/>) and no other.</summary>
[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class CorsTests(LexIntelAppFixture fixture)
{
    private const string OtherOrigin = "https://evil.example";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_preflight_from_the_allowed_origin_is_answered_with_its_permissions_and_one_from_another_origin_with_none()
    {
        var caseId = Guid.NewGuid();
        using var client = fixture.CreateAnonymousClient();

        using var allowed = await client.SendAsync(Preflight($"/api/cases/{caseId}/search", LexIntelAppFixture.AllowedOrigin), Cancel);
        using var refused = await client.SendAsync(Preflight($"/api/cases/{caseId}/search", OtherOrigin), Cancel);

        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(LexIntelAppFixture.AllowedOrigin, Single(allowed, "Access-Control-Allow-Origin"));
        Assert.Contains("POST", Single(allowed, "Access-Control-Allow-Methods")!.Split(','));
        var headers = Single(allowed, "Access-Control-Allow-Headers")!.Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("authorization", headers);
        Assert.Contains("content-type", headers);
        Assert.Null(Single(allowed, "Access-Control-Allow-Credentials"));
        Assert.Null(Single(refused, "Access-Control-Allow-Origin"));
        Assert.Null(Single(refused, "Access-Control-Allow-Methods"));
    }

    [Fact]
    public async Task A_call_from_the_allowed_origin_may_read_the_answer_and_its_Retry_After_and_one_from_another_origin_may_not()
    {
        using var client = await fixture.CreateTenantClientAsync(Guid.NewGuid());

        using var allowed = await client.SendAsync(Get("/api/cases", LexIntelAppFixture.AllowedOrigin), Cancel);
        using var refused = await client.SendAsync(Get("/api/cases", OtherOrigin), Cancel);

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(LexIntelAppFixture.AllowedOrigin, Single(allowed, "Access-Control-Allow-Origin"));
        Assert.Contains("Retry-After", Single(allowed, "Access-Control-Expose-Headers")!.Split(','));
        Assert.Null(Single(refused, "Access-Control-Allow-Origin"));
    }

    private static HttpRequestMessage Preflight(string path, string origin) => new(HttpMethod.Options, path)
    {
        Headers =
        {
            { "Origin", origin },
            { "Access-Control-Request-Method", "POST" },
            { "Access-Control-Request-Headers", "authorization,content-type" },
        },
    };

    private static HttpRequestMessage Get(string path, string origin) => new(HttpMethod.Get, path) { Headers = { { "Origin", origin } } };

    /// <summary>A response header's value, or null when it was not sent.</summary>
    private static string? Single(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) ? string.Join(',', values) : null;
}
