using System.Diagnostics;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace LexIntel.Benchmarks.Load;

/// <summary>
/// Follows one uploaded document's progress stream as a page that shows it would: records the time
/// to the first event (the document's current state) as the endpoint's latency, then holds the
/// stream until the document's final event or the end of the run. A stream that fails, or that the
/// server ends before the final event, is an error.
/// </summary>
internal static class ProgressFollower
{
    public const string Endpoint = "progress stream (first event)";

    /// <summary>Whether the document's final event arrived before <paramref name="stop"/>.</summary>
    public static async Task<bool> FollowAsync(LoadRecorder recorder, Guid documentId, CancellationToken stop, CancellationToken cancellationToken)
    {
        var record = recorder[Endpoint];
        var path = $"/api/documents/{documentId}/progress";

        // Until the first event the stream is a request like any other, with its time limit; after it, held until the end.
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(stop, cancellationToken);
        watching.CancelAfter(LoadRecorder.RequestTimeout);
        var started = Stopwatch.GetTimestamp();
        var first = true;
        try
        {
            using var response = await recorder.Http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, watching.Token);
            if (!response.IsSuccessStatusCode)
            {
                record.Error($"{(int)response.StatusCode} GET {path}: {LoadRecorder.Shorten(await response.Content.ReadAsStringAsync(cancellationToken))}");
                return false;
            }

            await using var body = await response.Content.ReadAsStreamAsync(watching.Token);
            await foreach (var item in SseParser.Create(body).EnumerateAsync(watching.Token))
            {
                if (first)
                {
                    record.Success(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    watching.CancelAfter(Timeout.InfiniteTimeSpan);
                    first = false;
                }

                using var json = JsonDocument.Parse(item.Data);
                if (json.RootElement.GetProperty("final").GetBoolean())
                {
                    return true;
                }
            }

            record.Error($"GET {path} ended before the document's final event");
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The run ended while the document was still being processed: the stream was held to the end.
            if (!stop.IsCancellationRequested)
            {
                record.Error($"no first event within {LoadRecorder.RequestTimeout.TotalSeconds:F0} s: GET {path}");
            }

            return false;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            record.Error($"{e.GetType().Name} GET {path}: {e.Message}");
            return false;
        }
    }
}
