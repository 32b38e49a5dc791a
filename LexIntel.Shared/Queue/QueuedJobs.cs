using System.Globalization;
using LexIntel.Shared.Pipeline;
using StackExchange.Redis;

namespace LexIntel.Shared.Queue;

/// <summary>
/// The document jobs Redis holds, over the pipeline's kinds: waiting or in flight on a stream,
/// delayed for a retry, or dead-lettered. The reconciler asks which runs still have a live job; a
/// deletion's cleanup removes every job naming what was deleted.
/// </summary>
public sealed class QueuedJobs(IConnectionMultiplexer redis)
{
    private const int PageSize = 500;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// The runs (document, run number) with a job waiting or in flight on a stream, or delayed for a
    /// retry. The delayed sets are read before and after the streams, so a job that moves between
    /// its stream and its delayed set while they are read is still seen.
    /// </summary>
    public async Task<IReadOnlySet<(Guid DocumentId, int RunNumber)>> ListLiveRunsAsync(CancellationToken cancellationToken)
    {
        var runs = new HashSet<(Guid, int)>();
        await AddDelayedAsync(runs, cancellationToken);
        foreach (var kind in DocumentPipeline.JobKinds)
        {
            await foreach (var entry in ReadAsync(QueueKeys.Stream(kind), cancellationToken))
            {
                if (Owner(entry.Values) is { } job)
                {
                    runs.Add((job.DocumentId, job.RunNumber));
                }
            }
        }

        await AddDelayedAsync(runs, cancellationToken);
        return runs;
    }

    /// <summary>
    /// Removes the jobs naming a document of <paramref name="documentIds"/> or a case of
    /// <paramref name="caseIds"/> (delayed retries, waiting entries, dead letters) and the documents'
    /// idempotency markers. An entry in flight is left to its consumer, which finds the document
    /// gone; its (case, document) is returned, since until it ends it may still write a marker, a
    /// retry or a progress event, and the caller removes again after it.
    /// </summary>
    public async Task<IReadOnlyList<(Guid CaseId, Guid DocumentId)>> RemoveAsync(
        IReadOnlySet<Guid> documentIds, IReadOnlySet<Guid> caseIds, CancellationToken cancellationToken)
    {
        bool Names((Guid CaseId, Guid DocumentId, int RunNumber) job) => documentIds.Contains(job.DocumentId) || caseIds.Contains(job.CaseId);

        // Delayed sets first: a retry promoted meanwhile is then found on its stream.
        foreach (var kind in DocumentPipeline.JobKinds)
        {
            var delayed = QueueKeys.Delayed(kind);
            RedisValue[] named = [.. (await Db.SortedSetRangeByRankAsync(delayed)).Where(m => Owner(JobMessage.FromDelayedMember(m.ToString())) is { } job && Names(job))];
            if (named.Length > 0)
            {
                await Db.SortedSetRemoveAsync(delayed, named);
            }
        }

        var inFlight = new List<(Guid, Guid)>();
        foreach (var kind in DocumentPipeline.JobKinds)
        {
            var stream = QueueKeys.Stream(kind);
            var named = await NamedEntriesAsync(stream, Names, cancellationToken);
            if (named.Count == 0)
            {
                continue;
            }

            var held = (string?[]?)await Db.ScriptEvaluateAsync(RedisScripts.RemoveUnlessHeld, [stream], [QueueKeys.Group(kind), .. named.Keys.Select(id => (RedisValue)id)]) ?? [];
            inFlight.AddRange(held.OfType<string>().Select(id => (named[id].CaseId, named[id].DocumentId)));
        }

        foreach (var kind in DocumentPipeline.JobKinds)
        {
            var dead = QueueKeys.Dead(kind);
            var named = await NamedEntriesAsync(dead, Names, cancellationToken);
            if (named.Count > 0)
            {
                await Db.StreamDeleteAsync(dead, [.. named.Keys.Select(id => (RedisValue)id)]);
            }
        }

        foreach (var chunk in documentIds.Chunk(PageSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.WhenAll(chunk.Select(RemoveMarkersAsync));
        }

        return inFlight;
    }

    private async Task RemoveMarkersAsync(Guid documentId)
    {
        var markers = QueueKeys.Markers(documentId);
        RedisKey[] keys = [.. (await Db.SetMembersAsync(markers)).Select(m => (RedisKey)m.ToString()), markers];
        await Db.KeyDeleteAsync(keys);
    }

    private async Task AddDelayedAsync(HashSet<(Guid, int)> runs, CancellationToken cancellationToken)
    {
        foreach (var kind in DocumentPipeline.JobKinds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var member in await Db.SortedSetRangeByRankAsync(QueueKeys.Delayed(kind)))
            {
                if (Owner(JobMessage.FromDelayedMember(member.ToString())) is { } job)
                {
                    runs.Add((job.DocumentId, job.RunNumber));
                }
            }
        }
    }

    /// <summary>The entries of <paramref name="stream"/> whose job <paramref name="names"/> picks, by entry id.</summary>
    private async Task<Dictionary<string, (Guid CaseId, Guid DocumentId, int RunNumber)>> NamedEntriesAsync(
        string stream, Func<(Guid CaseId, Guid DocumentId, int RunNumber), bool> names, CancellationToken cancellationToken)
    {
        var named = new Dictionary<string, (Guid, Guid, int)>(StringComparer.Ordinal);
        await foreach (var entry in ReadAsync(stream, cancellationToken))
        {
            if (Owner(entry.Values) is { } job && names(job))
            {
                named[entry.Id.ToString()] = job;
            }
        }

        return named;
    }

    /// <summary>A stream's entries, oldest first, a page at a time (ids only grow, so none is skipped).</summary>
    private async IAsyncEnumerable<StreamEntry> ReadAsync(string stream, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        RedisValue after = "-";
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = await Db.StreamRangeAsync(stream, after, "+", PageSize);
            foreach (var entry in page)
            {
                yield return entry;
            }

            if (page.Length < PageSize)
            {
                yield break;
            }

            after = $"({page[^1].Id}";
        }
    }

    /// <summary>Whose job the fields describe; null for fields that name no document (a malformed job's dead letter).</summary>
    private static (Guid CaseId, Guid DocumentId, int RunNumber)? Owner(NameValueEntry[] fields)
    {
        string? Field(string name) => fields.FirstOrDefault(f => f.Name == name).Value.ToString();
        return Guid.TryParse(Field(JobMessage.CaseField), out var caseId)
            && Guid.TryParse(Field(JobMessage.DocumentField), out var documentId)
            && int.TryParse(Field(JobMessage.RunField), CultureInfo.InvariantCulture, out var run)
                ? (caseId, documentId, run)
                : null;
    }
}
