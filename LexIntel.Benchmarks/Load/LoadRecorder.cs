using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;

namespace LexIntel.Benchmarks.Load;

/// <summary>
/// Sends requests to the API and records each by endpoint: its latency to the last byte of the
/// response when it succeeded, a 429 apart, anything else (another status, an exception, no answer
/// within <see cref="RequestTimeout"/>) as an error.
/// </summary>
internal sealed class LoadRecorder(HttpClient http)
{
    /// <summary>Longer than any request took in a healthy run by far; a user would have given up long before.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, EndpointRecord> endpoints = new(StringComparer.Ordinal);

    public HttpClient Http => http;

    public IReadOnlyDictionary<string, EndpointRecord> Endpoints => endpoints;

    public EndpointRecord this[string endpoint] => endpoints.GetOrAdd(endpoint, _ => new EndpointRecord());

    /// <summary>
    /// Sends the request <paramref name="create"/> makes and reads the whole response; its body when
    /// it succeeded, otherwise null (and the failure recorded). A request in flight is not cut short
    /// when a load phase ends, only when the whole run is cancelled.
    /// </summary>
    public async Task<string?> SendAsync(string endpoint, Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        var record = this[endpoint];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(RequestTimeout);
        using var request = create();
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            if (response.IsSuccessStatusCode)
            {
                record.Success(elapsed);
                return body;
            }

            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                record.Limited();
            }
            else
            {
                record.Error($"{(int)response.StatusCode} {request.Method} {request.RequestUri}: {Shorten(body)}");
            }

            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            record.Error($"no response within {RequestTimeout.TotalSeconds:F0} s: {request.Method} {request.RequestUri}");
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            record.Error($"{e.GetType().Name} {request.Method} {request.RequestUri}: {e.Message}");
            return null;
        }
    }

    public static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";
}
