using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LexIntel.ApiService.Limits;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LexIntel.Tests.Integration.Limits;

/// <summary>
/// The API's request timeouts (<c>AddLexIntelRequestTimeouts</c>) in a small web service on
/// 127.0.0.1, configured with a one-second default, so that a route can outlast it within a test.
/// </summary>
[Tier(TestTier.Integration)]
public sealed class RequestTimeoutTests : IAsyncLifetime
{
    private static readonly TimeSpan Default = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Transfer = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan Work = TimeSpan.FromSeconds(2);

    private WebApplication app = null!;
    private HttpClient client = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{RequestTimeoutsOptions.SectionName}:Default"] = Default.ToString(),
            [$"{RequestTimeoutsOptions.SectionName}:Transfer"] = Transfer.ToString(),
        });
        builder.Services.AddProblemDetails();
        builder.AddLexIntelRequestTimeouts();
        app = builder.Build();
        app.UseRequestTimeouts();
        app.MapGet("/work", Busy);
        app.MapGet("/transfer", Busy).WithRequestTimeout(RequestTimeoutPolicies.Transfer);
        app.MapGet("/stream", Busy).DisableRequestTimeout();
        await app.StartAsync(Cancel);
        client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
    }

    [Fact]
    public async Task A_request_outlasting_the_default_is_cancelled_and_answered_504_with_problem_details()
    {
        using var response = await client.GetAsync("/work", Cancel);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(504, problem.GetProperty("status").GetInt32());
        Assert.Equal("The request was still running after 1 s, the longest this route may take, and was cancelled; try again.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/transfer")]
    [InlineData("/stream")]
    public async Task Transfers_get_their_longer_timeout_and_streams_none(string route)
    {
        using var response = await client.GetAsync(route, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    /// <summary>Takes <see cref="Work"/>, longer than the default timeout, unless cancelled.</summary>
    private static async Task<string> Busy(CancellationToken cancellationToken)
    {
        await Task.Delay(Work, cancellationToken);
        return "done";
    }
}
