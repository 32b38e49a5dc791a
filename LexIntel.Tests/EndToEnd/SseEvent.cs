using System.Text.Json;

namespace LexIntel.Tests.EndToEnd;

/// <summary>One event of a raw <c>text/event-stream</c> body, parsed by the spec's field rules.</summary>
internal sealed record SseEvent(string? Id, string Type, string Data, int? Retry)
{
    public JsonElement Json => JsonDocument.Parse(Data).RootElement;

    public static async IAsyncEnumerable<SseEvent> ReadAsync(Stream body, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body);
        string? id = null, type = null, data = null;
        int? retry = null;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                if (data is not null)
                {
                    yield return new SseEvent(id, type ?? "message", data, retry);
                }

                id = type = data = null;
                retry = null;
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? string.Empty : line[(colon + 1)..].TrimStart(' ');
            switch (field)
            {
                case "id":
                    id = value;
                    break;
                case "event":
                    type = value;
                    break;
                case "data":
                    data = data is null ? value : data + "\n" + value;
                    break;
                case "retry":
                    retry = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                    break;
            }
        }
    }
}
