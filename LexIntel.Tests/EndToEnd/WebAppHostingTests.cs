using System.Net;
using System.Net.Http.Json;
using LexIntel.ApiService.WebApp;

namespace LexIntel.Tests.EndToEnd;

/// <summary>The front end's files are public; nothing else becomes so, and its pages run only its own scripts.</summary>
[Collection(LexIntelAppCollection.Name)]
[Tier(TestTier.EndToEnd)]
public sealed class WebAppHostingTests(LexIntelAppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_page_its_scripts_and_its_sign_in_settings_load_without_a_token_under_a_policy_that_runs_only_the_apps_own_scripts()
    {
        using var anonymous = fixture.CreateAnonymousClient();

        using var root = await anonymous.GetAsync("/", Cancel);
        using var script = await anonymous.GetAsync("/js/app.js", Cancel);
        var settings = await anonymous.GetFromJsonAsync<WebAppSettings>("/web/settings", Cancel);

        Assert.Equal(HttpStatusCode.OK, root.StatusCode);
        Assert.Equal("text/html", root.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<main id=\"main\"", await root.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        var policy = string.Join(' ', root.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        Assert.Equal("development", settings!.SignIn);
        Assert.Null(settings.Authority);
    }

    [Theory]
    [InlineData("/api/cases")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/index.html/../api/cases")]
    public async Task Serving_the_page_opens_no_API_route_to_a_caller_without_a_token(string path)
    {
        using var anonymous = fixture.CreateAnonymousClient();

        using var response = await anonymous.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_path_is_not_answered_with_the_page()
    {
        using var anonymous = fixture.CreateAnonymousClient();

        using var response = await anonymous.GetAsync("/no/such/page", Cancel);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }
}
