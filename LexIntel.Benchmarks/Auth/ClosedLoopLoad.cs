using System.Diagnostics;
using System.Net;

namespace LexIntel.Benchmarks.Auth;

/// <summary>
/// A fixed number of requests always in flight, each caller sending its next as soon as the last
/// is answered, for a fixed time: the rate the server sustains at that concurrency.
/// </summary>
internal static class ClosedLoopLoad
{
    /// <summary>
    /// Requests per second of <c>GET <paramref name="path"/></c> as <paramref name="mode"/>; throws when
    /// any answer is not 200, since a rate of refusals or errors measures something else.
    /// </summary>
    public static async Task<double> RequestsPerSecondAsync(HttpClient http, string path, AuthMode mode, int concurrency, TimeSpan duration, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        string? failure = null;
        var completed = 0L;
        var clock = Stopwatch.StartNew();
        var callers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(
            async () =>
            {
                while (clock.Elapsed < duration && !stop.IsCancellationRequested)
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Authorization = mode.Authorization } };
                    using var response = await http.SendAsync(request, stop.Token);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        var body = await response.Content.ReadAsStringAsync(stop.Token);
                        Interlocked.CompareExchange(ref failure, $"{(int)response.StatusCode} {response.StatusCode}: {body}", null);
                        await stop.CancelAsync();
                        return;
                    }

                    Interlocked.Increment(ref completed);
                }
            },
            stop.Token));
        try
        {
            await Task.WhenAll(callers);
        }
        catch (OperationCanceledException) when (failure is not null)
        {
            // The other callers were stopped because one was refused; that is reported below.
        }

        return failure is null
            ? completed / clock.Elapsed.TotalSeconds
            : throw new InvalidOperationException($"{mode.Name}: GET {path} answered {failure} (after {completed} answers of 200); the measurement is void.");
    }
}
