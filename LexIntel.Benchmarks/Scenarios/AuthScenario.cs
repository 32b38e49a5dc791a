using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using LexIntel.ApiService.ApiKeys;
using LexIntel.ApiService.Identity;
using LexIntel.Benchmarks.Auth;
using LexIntel.Benchmarks.Infrastructure;
using LexIntel.Shared.Data;
using LexIntel.Shared.Queue;
using LexIntel.Shared.Storage;
using LexIntel.Tests.Harness;
using Microsoft.IdentityModel.JsonWebTokens;

namespace LexIntel.Benchmarks.Scenarios;

/// <summary>
/// What authentication costs: requests/s of <c>GET /api/cases/{id}</c> signed in by a bearer token
/// and by an API key, against the same request with authentication bypassed, in one run. All three
/// go to one instance of the real API hosted in this process (<see cref="InProcessApi"/>; the
/// bypass exists there only), over loopback HTTP, for the same case of the same tenant, at the same
/// concurrency for the same time. After a warm-up, rounds take the modes in every order in turn so
/// that the machine's drift favours none; each mode's rate is its median round, and the ratio is
/// taken round by round. Then authentication alone (<see cref="AuthenticationCost"/>), which says
/// how much of a difference in rates is authenticating.
/// </summary>
internal sealed class AuthScenario : IBenchmarkScenario
{
    private const int Concurrency = 16;

    // Short turns, many rounds: the build machine is shared, and what steals its cores comes and goes
    // within seconds, so each mode gets its turn often rather than for long.
    private const int Rounds = 36;

    private const int CostRounds = 24;
    private const int CostBatch = 2_000;

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan RoundLength = TimeSpan.FromSeconds(1);

    public string Name => "auth";

    public string Description => "requests/s of GET /api/cases/{id} with a bearer token and with an API key vs. authentication bypassed";

    public async Task<BenchmarkResult> RunAsync(CancellationToken cancellationToken)
    {
        await using var app = await BenchmarkApp.StartAsync(cancellationToken);
        var token = app.Token;

        await using var api = new InProcessApi(await SettingsAsync(app.App, cancellationToken), [.. new JsonWebToken(token).Claims]);
        api.StartServer();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency, UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = api.ClientOptions.BaseAddress,
        };

        var bearer = new AuthMode("bearer", new AuthenticationHeaderValue("Bearer", token));
        var caseId = await CreateCaseAsync(http, bearer, cancellationToken);
        var apiKey = new AuthMode("apikey", new AuthenticationHeaderValue(ApiKeyAuthenticationHandler.SchemeName, await CreateApiKeyAsync(http, bearer, cancellationToken)));
        var anonymous = new AuthMode("anonymous", Authorization: null);
        AuthMode[] modes = [bearer, apiKey, anonymous];

        // Every order in turn: each mode runs as often right before as right after each other one, so
        // whatever a turn leaves to the next (garbage to collect, a cache to refill) weighs on all alike.
        AuthMode[][] orders =
        [
            [bearer, apiKey, anonymous], [bearer, anonymous, apiKey], [apiKey, bearer, anonymous],
            [apiKey, anonymous, bearer], [anonymous, bearer, apiKey], [anonymous, apiKey, bearer],
        ];
        var path = $"/api/cases/{caseId}";

        foreach (var mode in modes)
        {
            await ClosedLoopLoad.RequestsPerSecondAsync(http, path, mode, Concurrency, WarmUp, cancellationToken);
        }

        var rates = modes.ToDictionary(m => m, _ => new List<double>());
        for (var round = 0; round < Rounds; round++)
        {
            foreach (var mode in orders[round % orders.Length])
            {
                rates[mode].Add(await ClosedLoopLoad.RequestsPerSecondAsync(http, path, mode, Concurrency, RoundLength, cancellationToken));
            }

            Console.WriteLine($"auth: round {round + 1}/{Rounds}: {string.Join(", ", modes.Select(m => $"{m.Name} {rates[m][^1]:F0}/s"))}");
        }

        var costs = modes.ToDictionary(m => m, _ => new List<double>());
        for (var round = 0; round < CostRounds; round++)
        {
            foreach (var mode in orders[round % orders.Length])
            {
                costs[mode].Add(await AuthenticationCost.MicrosecondsAsync(api.Services, mode, CostBatch, cancellationToken));
            }
        }

        var median = modes.ToDictionary(m => m, m => Median(rates[m]));
        var cost = modes.ToDictionary(m => m, m => Median(costs[m]));
        var requestMicroseconds = 1e6 / median[anonymous];

        // The shared machine's load changes from one second to the next and moves every mode's rate
        // alike; a round's modes run within seconds of each other, so each authenticated rate is
        // compared with the bypassed rate of its own round, which cancels that drift where a ratio of
        // the medians carries it (0.84–1.16 over runs whose authentication alone differed alike).
        var roundRatio = new[] { bearer, apiKey }.ToDictionary(m => m, m => Median([.. rates[m].Select((rate, round) => rate / rates[anonymous][round])]));
        var ratio = roundRatio.Values.Min();
        return new BenchmarkResult(
            [
                new("bearer_rps", median[bearer]),
                new("apikey_rps", median[apiKey]),
                new("anonymous_rps", median[anonymous]),
                new("ratio", ratio),
            ],
            [
                Row("bearer token", rates[bearer], $"{Extra(median[bearer], median[anonymous])}; Authorization: Bearer, validated by the API's JwtBearer handler (HMAC-SHA256 Development key)"),
                Row("API key", rates[apiKey], $"{Extra(median[apiKey], median[anonymous])}; Authorization: ApiKey lxk_…, the API's prefix lookup (cached {ApiKeyValidator.CacheFor.TotalSeconds:F0} s) and SHA-256 check"),
                Row("authentication bypassed", rates[anonymous], "no header: the benchmark's own scheme signs in the bearer token's claims unchecked"),
                new(
                    "ratio",
                    ratio.ToString("F3", CultureInfo.InvariantCulture),
                    string.Create(CultureInfo.InvariantCulture, $"the smaller of bearer {roundRatio[bearer]:F3} and API key {roundRatio[apiKey]:F3}, each the median over rounds of its rate / the bypassed rate of the same round (ratio of the medians: {Math.Min(median[bearer], median[apiKey]) / median[anonymous]:F3}); target ≥ 0.85")),
                new(
                    "authentication alone, µs per request",
                    string.Create(CultureInfo.InvariantCulture, $"{cost[bearer]:F1} / {cost[apiKey]:F1} / {cost[anonymous]:F1}"),
                    string.Create(CultureInfo.InvariantCulture, $"bearer / API key / bypassed: the API's AuthenticateAsync of one request, no HTTP, one caller, median of {CostRounds} batches of {CostBatch:N0}; bearer adds {(cost[bearer] - cost[anonymous]) / requestMicroseconds:P1}, API key {(cost[apiKey] - cost[anonymous]) / requestMicroseconds:P1} of the time per bypassed request ({requestMicroseconds:F0} µs)")),
                new("load", $"{Concurrency} in flight", $"{RoundLength.TotalSeconds:F0} s a mode a round, {Rounds} rounds taking every order in turn, after {WarmUp.TotalSeconds:F0} s of each; HTTP/1.1 over loopback to the real API in this process"),
            ]);
    }

    /// <summary>
    /// The in-process API's configuration: what the AppHost gives the API it runs (connection strings,
    /// the Development signing key, the files folder) and the benchmarks' lifted rate limits.
    /// </summary>
    private static async Task<Dictionary<string, string>> SettingsAsync(DistributedApplication app, CancellationToken cancellationToken)
    {
        var settings = Unthrottled.Settings.Select(s => s.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
        foreach (var name in new[] { LexIntelDbContext.ConnectionName, RedisServiceCollectionExtensions.ConnectionName, StorageServiceCollectionExtensions.ConnectionName })
        {
            settings[$"ConnectionStrings:{name}"] = (await app.GetConnectionStringAsync(name, cancellationToken))!;
        }

        settings[$"{IdentityOptions.SectionName}:{nameof(IdentityOptions.DevelopmentSigningKey)}"] = LexIntelAppFactory.SigningKey;

        // Its start-up and shutdown messages would bury the table in this process's output; it logs nothing per request below Warning.
        settings["Logging:LogLevel:Default"] = "Warning";
        return settings;
    }

    private static async Task<Guid> CreateCaseAsync(HttpClient http, AuthMode caller, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/cases") { Headers = { Authorization = caller.Authorization }, Content = JsonContent.Create(new { name = "auth benchmark" }) };
        using var response = await http.SendAsync(request, cancellationToken);
        return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
    }

    /// <summary>A key of the tenant's admin role for every case, as a tenant admin creates one.</summary>
    private static async Task<string> CreateApiKeyAsync(HttpClient http, AuthMode admin, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/keys")
        {
            Headers = { Authorization = admin.Authorization },
            Content = JsonContent.Create(new CreateApiKeyRequest("auth benchmark", Roles.TenantAdmin, CaseIds: null, ExpiresInDays: null)),
        };
        using var response = await http.SendAsync(request, cancellationToken);
        return (await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<CreatedApiKeyResponse>(cancellationToken))!.Key;
    }

    private static BenchmarkRow Row(string mode, List<double> rates, string notes) =>
        new($"{mode}, requests/s", Median(rates).ToString("N0", CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"median of {rates.Count} rounds ({rates.Min():N0}–{rates.Max():N0}); {notes}"));

    /// <summary>What a request costs more than a bypassed one, as the difference of the times per request (1 / rate) at this load.</summary>
    private static string Extra(double rate, double bypassedRate) =>
        string.Create(CultureInfo.InvariantCulture, $"{(1 / rate - 1 / bypassedRate) * 1e6:+0;-0;0} µs per request vs. bypassed");

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
