using System.Net.ServerSentEvents;
using System.Text.Json;
using LexIntel.Shared.Pipeline;
using LexIntel.Shared.Progress;

namespace LexIntel.Benchmarks.Ocr;

/// <summary>
/// How long a finished document's <c>ocr</c> step took, from its progress feed as a client reads it
/// (<c>GET /api/documents/{id}/progress</c>): from the event that starts the step to its last page's
/// event, both stamped by the worker's clock, so neither polling nor the other steps count.
/// </summary>
internal static class OcrStepTiming
{
    public static async Task<(TimeSpan Duration, int PagesReported)> ReadAsync(HttpClient client, Guid documentId, CancellationToken cancellationToken)
    {
        var step = DocumentPipeline.Recognize;
        var events = new List<ProgressEvent>();
        await using var body = await client.GetStreamAsync($"/api/documents/{documentId}/progress", cancellationToken);
        await foreach (var item in SseParser.Create(body).EnumerateAsync(cancellationToken))
        {
            if (item.EventType == "progress")
            {
                events.Add(JsonSerializer.Deserialize<ProgressEvent>(item.Data, JsonSerializerOptions.Web)!);
            }
        }

        // The step starts at its declared percent and moves through its range one event a page
        // (the first page's event may round to the same percent), until the chunk step's stage.
        var ours = events.SkipWhile(e => e.Stage != step.Stage || e.Percent != step.StartPercent)
            .TakeWhile(e => e.Stage == step.Stage && e.Percent <= step.EndPercent)
            .ToList();
        if (ours.Count < 2)
        {
            throw new InvalidOperationException($"The progress feed of document {documentId} holds no ocr step: {string.Join("; ", events.Select(e => $"{e.Stage} {e.Percent}% {e.Message}"))}");
        }

        return (ours[^1].At - ours[0].At, ours.Count - 1);
    }
}
