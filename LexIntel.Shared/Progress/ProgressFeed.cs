using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using LexIntel.Shared.Queue;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace LexIntel.Shared.Progress;

/// <summary>
/// Appends progress events to a document's stream and its case's stream, and reads them back from
/// a cursor (a stream id), so a late or reconnecting reader misses nothing and sees nothing twice.
/// </summary>
public sealed class ProgressFeed(IConnectionMultiplexer redis, StreamSignals signals, IOptions<ProgressOptions> options)
{
    /// <summary>Reads in flight per (stream, cursor), with when each started; see <see cref="ReadSharedAsync"/>.</summary>
    private readonly ConcurrentDictionary<(string Stream, string Cursor), (long Started, Task<IReadOnlyList<ProgressEntry>> Read)> sharedReads = new();

    /// <summary>The id before every other, for reading a stream from its start.</summary>
    public const string Beginning = "0-0";

    /// <summary>
    /// Appends <paramref name="progress"/> to both feeds; returns its id in the document's stream.
    /// A final event of a known run that the document's feed already ends with is not appended again.
    /// </summary>
    public async Task<string> AppendAsync(ProgressEvent progress, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var settings = options.Value;
        var documentExpiry = progress.Final ? settings.DocumentStreamExpiry : settings.CaseStreamExpiry;
        var arguments = new List<RedisValue>
        {
            settings.DocumentStreamMaxLength,
            settings.CaseStreamMaxLength,
            (long)documentExpiry.TotalSeconds,
            (long)settings.CaseStreamExpiry.TotalSeconds,
            QueueKeys.NotifyChannel,
            progress is { Final: true, Run: > 0 } ? progress.Run : RedisValue.EmptyString,
        };
        foreach (var field in ToEntries(progress))
        {
            arguments.Add(field.Name);
            arguments.Add(field.Value);
        }

        var id = await redis.GetDatabase().ScriptEvaluateAsync(
            RedisScripts.AppendProgress,
            [ProgressKeys.Document(progress.DocumentId), ProgressKeys.Case(progress.CaseId)],
            [.. arguments]);
        return id.ToString();
    }

    /// <summary>Deletes the feeds of deleted documents and of deleted cases; a feed that is gone already is no matter.</summary>
    public async Task DeleteFeedsAsync(IEnumerable<Guid> documentIds, IEnumerable<Guid> caseIds, CancellationToken cancellationToken)
    {
        foreach (var keys in documentIds.Select(ProgressKeys.Document).Concat(caseIds.Select(ProgressKeys.Case)).Chunk(500))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await redis.GetDatabase().KeyDeleteAsync([.. keys.Select(k => (RedisKey)k)]);
        }
    }

    /// <summary>Up to <paramref name="count"/> events after <paramref name="afterId"/>, oldest first.</summary>
    public async Task<IReadOnlyList<ProgressEntry>> ReadAsync(string streamKey, string afterId = Beginning, int count = 100)
    {
        var entries = await redis.GetDatabase().StreamReadAsync(streamKey, afterId, count);
        return entries.Select(e => new ProgressEntry(e.Id.ToString(), FromEntry(e))).ToList();
    }

    /// <summary>
    /// Every event after <paramref name="afterId"/>, then each new one as it is appended, until
    /// cancelled. Woken by the append's notification; re-reads on a timer should one be missed.
    /// </summary>
    public async IAsyncEnumerable<ProgressEntry> WatchAsync(string streamKey, string afterId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Register before the first read, so an append between the read and the wait still wakes us.
        using var signal = await signals.RegisterAsync(streamKey);
        var cursor = afterId;
        var notBefore = Stopwatch.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            var batch = await ReadSharedAsync(streamKey, cursor, notBefore);
            foreach (var entry in batch)
            {
                cursor = entry.Id;
                yield return entry;
            }

            if (batch.Count == 0)
            {
                try
                {
                    notBefore = await signal.WaitAsync(options.Value.PollInterval, cancellationToken) ? signal.NotifiedAt : Stopwatch.GetTimestamp();
                }
                catch (OperationCanceledException)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>
    /// Watchers of one stream that are at the same place and woken by the same append share one
    /// XREAD: 500 browsers following a case cost one read per event, not 500. A read that started
    /// before <paramref name="notBefore"/> (when the notification that woke this watcher arrived)
    /// may predate the append, so it is not shared. The watchers' own wake-up times would not do:
    /// they spread over the milliseconds it takes to wake them all, and most would read alone.
    /// </summary>
    private async Task<IReadOnlyList<ProgressEntry>> ReadSharedAsync(string streamKey, string cursor, long notBefore)
    {
        var key = (streamKey, cursor);
        while (true)
        {
            if (sharedReads.TryGetValue(key, out var inFlight) && inFlight.Started >= notBefore)
            {
                return await inFlight.Read;
            }

            var started = Stopwatch.GetTimestamp();
            var read = new TaskCompletionSource<IReadOnlyList<ProgressEntry>>(TaskCreationOptions.RunContinuationsAsynchronously);
            var mine = (started, read.Task);
            var claimed = inFlight.Read is null ? sharedReads.TryAdd(key, mine) : sharedReads.TryUpdate(key, mine, inFlight);
            if (!claimed)
            {
                continue;
            }

            try
            {
                read.SetResult(await ReadAsync(streamKey, cursor));
            }
            catch (Exception ex)
            {
                read.SetException(ex);
            }
            finally
            {
                sharedReads.TryRemove(new KeyValuePair<(string, string), (long, Task<IReadOnlyList<ProgressEntry>>)>(key, mine));
            }

            return await read.Task;
        }
    }

    private static NameValueEntry[] ToEntries(ProgressEvent progress) =>
    [
        new("documentId", progress.DocumentId.ToString()),
        new("caseId", progress.CaseId.ToString()),
        new("stage", progress.Stage),
        new("percent", progress.Percent),
        new("message", progress.Message),
        new("at", progress.At.ToString("O", CultureInfo.InvariantCulture)),
        new("run", progress.Run),
        new("final", progress.Final ? "true" : "false"),
        new("failureCode", progress.FailureCode ?? string.Empty),
        new("failureReason", progress.FailureReason ?? string.Empty),
    ];

    private static ProgressEvent FromEntry(StreamEntry entry)
    {
        string Field(string name) => entry[name].ToString();
        string? Optional(string name) => entry[name] is { IsNullOrEmpty: false } v ? v.ToString() : null;
        return new ProgressEvent
        {
            DocumentId = Guid.Parse(Field("documentId")),
            CaseId = Guid.Parse(Field("caseId")),
            Stage = Field("stage"),
            Percent = int.Parse(Field("percent"), CultureInfo.InvariantCulture),
            Message = Field("message"),
            At = DateTimeOffset.Parse(Field("at"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            Run = Optional("run") is { } run ? int.Parse(run, CultureInfo.InvariantCulture) : 0,
            Final = Field("final") == "true",
            FailureCode = Optional("failureCode"),
            FailureReason = Optional("failureReason"),
        };
    }
}
