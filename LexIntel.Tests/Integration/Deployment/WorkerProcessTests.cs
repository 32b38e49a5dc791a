using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text.Json;
using LexIntel.Tests.Infrastructure;

namespace LexIntel.Tests.Integration.Deployment;

/// <summary>
/// The worker as a container platform runs it: its own process in Production, on a port it is
/// given, with a real Redis and a database it never needs to reach here (readiness, which does
/// need it, is tested on the AppHost: <c>FoundationTests</c>).
/// </summary>
[Collection(RedisCollection.Name)]
[Tier(TestTier.Integration)]
public sealed class WorkerProcessTests(RedisServer redis)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_production_worker_answers_probes_on_its_own_port_and_logs_json_lines_with_trace_ids()
    {
        var lines = new ConcurrentQueue<string>();
        using var worker = StartWorker(lines);
        try
        {
            string? address = null;
            await Eventually.HoldsAsync(
                () => (address = ListeningAddress(lines)) is not null || worker.HasExited,
                Patience,
                "the worker to listen");
            if (worker.HasExited)
            {
                Assert.Fail($"the worker exited ({worker.ExitCode}):{Environment.NewLine}{string.Join(Environment.NewLine, lines)}");
            }

            using var http = new HttpClient { BaseAddress = new Uri(address!) };
            var traceId = ActivityTraceId.CreateRandom().ToHexString();
            using var alive = new HttpRequestMessage(HttpMethod.Get, "/alive");
            alive.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
            using var aliveResponse = await http.SendAsync(alive, Cancel);
            Assert.Equal(HttpStatusCode.OK, aliveResponse.StatusCode);

            await Eventually.HoldsAsync(
                () => lines.Any(line => line.Contains("/alive", StringComparison.Ordinal) && TraceIds(line).Contains(traceId)),
                Patience,
                $"a JSON line about the /alive request carrying trace id {traceId}");

            var notJson = lines.Where(line => !IsJsonObject(line)).ToList();
            Assert.True(notJson.Count == 0, $"lines that are not JSON objects:{Environment.NewLine}{string.Join(Environment.NewLine, notJson)}");
            var consuming = lines.First(line => line.Contains("\"Consuming ", StringComparison.Ordinal));
            using var parsed = JsonDocument.Parse(consuming);
            Assert.Equal("Information", parsed.RootElement.GetProperty("LogLevel").GetString());
            Assert.Equal("LexIntel.Shared.Queue.JobConsumer", parsed.RootElement.GetProperty("Category").GetString());
            Assert.True(DateTimeOffset.TryParse(parsed.RootElement.GetProperty("Timestamp").GetString(), out _));
        }
        finally
        {
            if (!worker.HasExited)
            {
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync(CancellationToken.None);
            }
        }
    }

    private Process StartWorker(ConcurrentQueue<string> lines)
    {
        // The worker's own build output, so that it reads its own appsettings.json.
        var configuration = typeof(WorkerProcessTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var output = Path.Combine(TestData.RepositoryRoot, "LexIntel.WorkerService", "bin", configuration, new DirectoryInfo(AppContext.BaseDirectory).Name);
        var startInfo = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", Path.Combine(output, "LexIntel.WorkerService.dll") },
            WorkingDirectory = output,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        startInfo.Environment["DOTNET_ENVIRONMENT"] = "Production";
        startInfo.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        startInfo.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        startInfo.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = string.Empty;
        startInfo.Environment["ConnectionStrings__redis"] = redis.ConnectionString;
        startInfo.Environment["ConnectionStrings__lexintel"] = "Host=127.0.0.1;Port=1;Username=lexintel;Password=unused;Database=lexintel;Timeout=2";
        startInfo.Environment["LexIntel__Queue__ConsumerName"] = $"json-logs-{Guid.NewGuid():N}";

        // Production logs no request lines; this one is wanted, as a line written inside a request's trace.
        startInfo.Environment["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";

        var process = Process.Start(startInfo)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (!string.IsNullOrEmpty(e.Data))
            {
                lines.Enqueue(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (!string.IsNullOrEmpty(e.Data))
            {
                lines.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The address in Kestrel's "Now listening on" line, read from its JSON state.</summary>
    private static string? ListeningAddress(IEnumerable<string> lines)
    {
        foreach (var line in lines.Where(IsJsonObject))
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.TryGetProperty("State", out var state)
                && state.TryGetProperty("{OriginalFormat}", out var format)
                && format.GetString() == "Now listening on: {address}")
            {
                return state.GetProperty("address").GetString();
            }
        }

        return null;
    }

    private static HashSet<string> TraceIds(string line)
    {
        if (!IsJsonObject(line))
        {
            return [];
        }

        using var json = JsonDocument.Parse(line);
        return json.RootElement.TryGetProperty("Scopes", out var scopes)
            ? [.. scopes.EnumerateArray()
                .Where(scope => scope.ValueKind == JsonValueKind.Object && scope.TryGetProperty("TraceId", out _))
                .Select(scope => scope.GetProperty("TraceId").GetString()!)]
            : [];
    }

    private static bool IsJsonObject(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            return json.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
