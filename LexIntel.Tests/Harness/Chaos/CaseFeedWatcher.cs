using System.Collections.Concurrent;
using System.Net.ServerSentEvents;
using System.Text.Json;

namespace LexIntel.Tests.Harness.Chaos;

/// <summary>
/// An SSE client of one case's progress feed that behaves as a browser's <c>EventSource</c> does:
/// whenever the connection drops or ends (the API restarted, Redis went away) it reconnects after
/// a short wait, sending the id of the last event it saw as <c>Last-Event-ID</c>. Counts the final
/// events it receives per document; a resumed feed that replays or skips one shows in the counts.
/// </summary>
public sealed class CaseFeedWatcher : IAsyncDisposable
{
    private const string ProgressEventType = "progress";
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromMilliseconds(500);

    private readonly HttpClient client;
    private readonly Guid caseId;
    private readonly ConcurrentDictionary<Guid, int> finalEvents = new();
    private readonly TaskCompletionSource connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stop = new();
    private readonly Task watching;
    private string? lastEventId;

    public CaseFeedWatcher(HttpClient client, Guid caseId)
    {
        this.client = client;
        this.caseId = caseId;
        watching = Task.Run(WatchAsync);
    }

    public Guid CaseId => caseId;

    /// <summary>Completes once the first connection's response has begun.</summary>
    public Task Connected => connected.Task;

    /// <summary>Connections opened after the first, each resuming from the last event seen.</summary>
    public int Reconnections { get; private set; }

    /// <summary>How many final events each document's feed delivered to this client.</summary>
    public IReadOnlyDictionary<Guid, int> FinalEvents => finalEvents;

    private async Task WatchAsync()
    {
        var first = true;
        while (!stop.IsCancellationRequested)
        {
            if (!first)
            {
                Reconnections++;
            }

            first = false;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/cases/{caseId}/progress");
                if (lastEventId is not null)
                {
                    request.Headers.Add("Last-Event-ID", lastEventId);
                }

                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
                response.EnsureSuccessStatusCode();
                connected.TrySetResult();
                await using var body = await response.Content.ReadAsStreamAsync(stop.Token);
                await foreach (var item in SseParser.Create(body).EnumerateAsync(stop.Token))
                {
                    Receive(item);
                }
            }
            catch (Exception) when (!stop.IsCancellationRequested)
            {
                // Dropped or refused (the API is restarting): try again, as EventSource does.
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await Task.Delay(ReconnectDelay, stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Receive(SseItem<string> item)
    {
        // The state snapshots that open every connection carry no id and are no place in the stream.
        if (item.EventType != ProgressEventType)
        {
            return;
        }

        lastEventId = item.EventId;
        using var json = JsonDocument.Parse(item.Data);
        if (json.RootElement.GetProperty("final").GetBoolean())
        {
            finalEvents.AddOrUpdate(json.RootElement.GetProperty("documentId").GetGuid(), 1, (_, count) => count + 1);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await watching;
        stop.Dispose();
    }
}
