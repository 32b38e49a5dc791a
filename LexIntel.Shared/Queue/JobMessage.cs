using System.Globalization;
using System.Text.Json;
using StackExchange.Redis;

namespace LexIntel.Shared.Queue;

/// <summary>
/// A unit of work for one document. Stored as flat stream fields so it reads well in
/// <c>redis-cli</c>; <see cref="CurrentVersion"/> lets a newer worker refuse what it cannot read.
/// </summary>
public sealed record JobMessage
{
    public const int CurrentVersion = 1;

    /// <summary>The fields that say whose job it is, read by the queue's admin and cleanup without reading the whole job.</summary>
    internal const string CaseField = "case";

    internal const string DocumentField = "doc";

    internal const string RunField = "run";

    public required string Kind { get; init; }

    /// <summary>Idempotency key: a second enqueue of the same key within the window is ignored.</summary>
    public required string Key { get; init; }

    public required Guid TenantId { get; init; }

    public required Guid CaseId { get; init; }

    public required Guid DocumentId { get; init; }

    /// <summary>The document's run number when the job was made; stale runs must not overwrite newer ones.</summary>
    public int RunNumber { get; init; }

    /// <summary>1 for the first run, incremented by each retry.</summary>
    public int Attempt { get; init; } = 1;

    public DateTimeOffset EnqueuedAt { get; init; }

    /// <summary>W3C trace context of the enqueuing operation, so one trace spans upload and jobs.</summary>
    public string? TraceParent { get; init; }

    public string? TraceState { get; init; }

    internal NameValueEntry[] ToEntries() =>
    [
        new("v", CurrentVersion),
        new("kind", Kind),
        new("key", Key),
        new("tenant", TenantId.ToString()),
        new(CaseField, CaseId.ToString()),
        new(DocumentField, DocumentId.ToString()),
        new(RunField, RunNumber),
        new("attempt", Attempt),
        new("enqueuedAt", EnqueuedAt.ToString("O", CultureInfo.InvariantCulture)),
        new("traceparent", TraceParent ?? string.Empty),
        new("tracestate", TraceState ?? string.Empty),
    ];

    /// <summary>
    /// A retry waits in its kind's delayed set as one member: the fields as a JSON list of names and
    /// values, which the promoting script turns back into stream fields.
    /// </summary>
    internal string ToDelayedMember() => JsonSerializer.Serialize(ToEntries().SelectMany(e => new[] { e.Name.ToString(), e.Value.ToString() }));

    internal static NameValueEntry[] FromDelayedMember(string member) =>
        JsonSerializer.Deserialize<string[]>(member) is { } fields ? [.. fields.Chunk(2).Where(f => f.Length == 2).Select(f => new NameValueEntry(f[0], f[1]))] : [];

    /// <summary>Reads a message; throws <see cref="PermanentJobException"/> for one no retry could fix.</summary>
    internal static JobMessage FromEntries(NameValueEntry[] entries)
    {
        var fields = entries.ToDictionary(e => e.Name.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);
        string Field(string name) => fields.TryGetValue(name, out var value)
            ? value
            : throw new PermanentJobException("malformed_job", $"The job message has no '{name}' field.");

        if (!int.TryParse(Field("v"), CultureInfo.InvariantCulture, out var version) || version != CurrentVersion)
        {
            throw new PermanentJobException("malformed_job", $"Job message version '{Field("v")}' is not supported (expected {CurrentVersion}).");
        }

        try
        {
            return new JobMessage
            {
                Kind = Field("kind"),
                Key = Field("key"),
                TenantId = Guid.Parse(Field("tenant")),
                CaseId = Guid.Parse(Field(CaseField)),
                DocumentId = Guid.Parse(Field(DocumentField)),
                RunNumber = int.Parse(Field(RunField), CultureInfo.InvariantCulture),
                Attempt = int.Parse(Field("attempt"), CultureInfo.InvariantCulture),
                EnqueuedAt = DateTimeOffset.Parse(Field("enqueuedAt"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                TraceParent = NullIfEmpty(fields.GetValueOrDefault("traceparent")),
                TraceState = NullIfEmpty(fields.GetValueOrDefault("tracestate")),
            };
        }
        catch (FormatException ex)
        {
            throw new PermanentJobException("malformed_job", $"The job message is malformed: {ex.Message}", ex);
        }
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
