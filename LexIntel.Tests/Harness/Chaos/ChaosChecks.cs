using LexIntel.AppHost.Infrastructure;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using LexIntel.Shared.Queue;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace LexIntel.Tests.Harness.Chaos;

/// <summary>
/// The end of a chaos run: waits until the documents, the job streams and the SSE clients have
/// settled (or the time is up), then counts what was lost, duplicated, stuck or missed, reading
/// the database and Redis directly rather than through the API under test.
/// </summary>
public sealed class ChaosChecks(ChaosCluster cluster, Guid tenant, IReadOnlyList<ChaosCase> cases)
{
    /// <summary>Failure codes that mean the work was given up on rather than that the file is bad: for an ordinary file, lost work.</summary>
    private static readonly HashSet<string> GivenUpCodes = new(StringComparer.Ordinal) { JobFailure.WorkerCrashedCode, JobFailure.TimedOutCode, "internal_error" };

    /// <summary>Long enough for a dead worker's leases to lapse and its jobs to be reclaimed, and a few retries' backoff.</summary>
    private static readonly TimeSpan QueueSettleTimeout = TimeSpan.FromSeconds(90);

    /// <summary>Long enough for a client to reconnect and be replayed what it missed.</summary>
    private static readonly TimeSpan FeedSettleTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Time for a duplicate final event, were one coming, to arrive too.</summary>
    private static readonly TimeSpan FeedGrace = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>The workers run with the default delivery cap, which the run's kills can reach by chance.</summary>
    private static readonly int MaxDeliveries = new QueueOptions().MaxDeliveries;

    private IEnumerable<Guid> Uploads => cases.SelectMany(c => c.Documents.Values);

    public async Task WaitUntilSettledAsync(DateTimeOffset deadline, Action<string> log, CancellationToken cancellationToken)
    {
        await PollAsync(deadline, async () =>
        {
            var documents = await DocumentsAsync(cancellationToken);
            return Uploads.All(documents.ContainsKey) && documents.Values.All(IsFinal);
        }, cancellationToken);
        log("documents final (or out of time)");
        await PollAsync(DateTimeOffset.UtcNow + QueueSettleTimeout, async () => await JobsLeftAsync() == 0, cancellationToken);
        log("job streams settled (or out of time)");
        await PollAsync(DateTimeOffset.UtcNow + FeedSettleTimeout, () => Task.FromResult(cases.All(c => c.Documents.Values.All(c.Watcher.FinalEvents.ContainsKey))), cancellationToken);
        await Task.Delay(FeedGrace, cancellationToken);
    }

    /// <param name="jobKills">How many times each document's job of each kind died with the worker the run killed.</param>
    public async Task<ChaosReport> ReportAsync(
        DateTimeOffset lastFaultEnd, int faults, int midJobKills, IReadOnlyDictionary<(Guid Document, string Kind), int> jobKills, IReadOnlyList<string> faultLog, CancellationToken cancellationToken)
    {
        // The delivery cap counts per job: the kills of a document's most-killed job.
        var kills = jobKills.GroupBy(k => k.Key.Document).ToDictionary(g => g.Key, g => g.Max(k => k.Value));
        var problems = cluster.UnexpectedExits.Select(exit => $"worker: {exit}").ToList();
        var documents = await DocumentsAsync(cancellationToken);
        var hostileDocuments = cases.Where(c => c.Hostile).SelectMany(c => c.Documents.Values).ToHashSet();

        var lost = 0;
        foreach (var missing in Uploads.Where(id => !documents.ContainsKey(id)))
        {
            lost++;
            problems.Add($"lost: upload {missing} was accepted but is not in the database");
        }

        var capped = new List<string>();
        foreach (var document in documents.Values.Where(d => d.Status == ProcessingStatus.Failed))
        {
            var killedEnough = document.FailureCode == JobFailure.WorkerCrashedCode && kills.GetValueOrDefault(document.Id) >= MaxDeliveries;
            if (killedEnough)
            {
                // The delivery cap doing its job: the run itself killed this job's worker that often.
                capped.Add($"{document.OriginalFileName} ({kills[document.Id]} kills)");
                continue;
            }

            var givenUp = !hostileDocuments.Contains(document.Id) && document.ParentDocumentId is null && GivenUpCodes.Contains(document.FailureCode ?? string.Empty);
            if (givenUp || string.IsNullOrWhiteSpace(document.FailureReason))
            {
                lost++;
                problems.Add($"lost: {document.OriginalFileName} ({document.Id}) failed as {document.FailureCode} with its job killed {kills.GetValueOrDefault(document.Id)} times by the run: {document.FailureReason}");
            }
        }

        var duplicated = await DuplicatedAsync(cancellationToken);
        problems.AddRange(duplicated.Select(id => $"duplicated: {documents[id].OriginalFileName} ({id}) has a chunk or a citation twice"));

        var notFinal = documents.Values.Where(d => !IsFinal(d)).ToList();
        problems.AddRange(notFinal.Select(d => $"stuck: {d.OriginalFileName} ({d.Id}) is still {d.Status}"));
        var jobsLeft = await JobsLeftAsync();
        if (jobsLeft > 0)
        {
            problems.Add($"stuck: {jobsLeft} jobs pending, unread or delayed in the streams, or outbox messages unsent");
        }

        var missed = 0;
        foreach (var chaosCase in cases)
        {
            foreach (var (name, id) in chaosCase.Documents)
            {
                var seen = chaosCase.Watcher.FinalEvents.GetValueOrDefault(id);
                if (seen != 1)
                {
                    missed++;
                    problems.Add($"sse: the client of case {chaosCase.Id} saw {name}'s final event {seen} times");
                }
            }
        }

        var hostile = new List<(string, string, double)>();
        foreach (var (name, id) in cases.Where(c => c.Hostile).SelectMany(c => c.Documents))
        {
            var document = documents[id];
            var outcome = document.FailureCode ?? document.Status.ToString();
            hostile.Add((name, outcome, (document.UpdatedAt - document.CreatedAt).TotalSeconds));
            if (document.Status != ProcessingStatus.Failed || !ChaosHostileFiles.AcceptedCodes.Contains(outcome))
            {
                problems.Add($"hostile: {name} ended {document.Status} ({outcome}), not failed with one of {string.Join(", ", ChaosHostileFiles.AcceptedCodes)}");
            }
        }

        var lastFinal = documents.Values.Where(IsFinal).Select(d => d.UpdatedAt).DefaultIfEmpty(lastFaultEnd).Max();
        return new ChaosReport(
            documents.Count,
            faults,
            lost,
            duplicated.Count,
            notFinal.Count + (int)jobsLeft,
            Math.Max(0, (lastFinal - lastFaultEnd).TotalSeconds),
            missed,
            documents.Values.Count(d => d.Status == ProcessingStatus.Ready),
            hostile,
            capped,
            midJobKills,
            cases.Sum(c => c.Watcher.Reconnections),
            faultLog,
            problems);
    }

    private static bool IsFinal(Document document) => document.Status is ProcessingStatus.Ready or ProcessingStatus.Failed;

    private async Task<Dictionary<Guid, Document>> DocumentsAsync(CancellationToken cancellationToken)
    {
        await using var db = OpenDatabase();
        return await db.Documents.AsNoTracking().Where(d => d.TenantId == tenant).ToDictionaryAsync(d => d.Id, cancellationToken);
    }

    /// <summary>Documents holding two chunks at one place in their text, or one citation twice.</summary>
    private async Task<List<Guid>> DuplicatedAsync(CancellationToken cancellationToken)
    {
        await using var db = OpenDatabase();
        var chunks = await db.DocumentChunks.AsNoTracking()
            .Where(c => c.Document!.TenantId == tenant)
            .GroupBy(c => new { c.DocumentId, c.Ordinal })
            .Where(g => g.Count() > 1)
            .Select(g => g.Key.DocumentId)
            .ToListAsync(cancellationToken);
        var citations = await db.Citations.AsNoTracking()
            .Where(c => c.Document!.TenantId == tenant)
            .GroupBy(c => new { c.DocumentId, c.ChunkId, c.Kind, c.SpanStart, c.SpanEnd, c.Normalized })
            .Where(g => g.Count() > 1)
            .Select(g => g.Key.DocumentId)
            .ToListAsync(cancellationToken);
        return [.. chunks.Concat(citations).Distinct()];
    }

    /// <summary>Jobs not yet done: pending (delivered, not acknowledged), unread or delayed in either stream, and outbox messages not yet sent.</summary>
    private async Task<long> JobsLeftAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.ConnectionStrings[InfrastructureBuilderExtensions.RedisName]);
        var admin = new QueueAdmin(redis, TimeProvider.System);
        long left = 0;
        foreach (var kind in new[] { JobKinds.Extract, JobKinds.Embed })
        {
            var stats = await admin.GetStatsAsync(kind);
            left += stats.Pending + (stats.Lag ?? 0) + stats.Delayed;
        }

        await using var db = OpenDatabase();
        return left + await db.OutboxMessages.CountAsync(m => m.DispatchedAt == null);
    }

    private LexIntelDbContext OpenDatabase() =>
        new(new DbContextOptionsBuilder<LexIntelDbContext>().UseNpgsql(cluster.ConnectionStrings[LexIntelDbContext.ConnectionName], o => o.UseVector()).Options);

    private static async Task PollAsync(DateTimeOffset deadline, Func<Task<bool>> done, CancellationToken cancellationToken)
    {
        while (DateTimeOffset.UtcNow < deadline)
        {
            try
            {
                if (await done())
                {
                    return;
                }
            }
            catch (Exception e) when (e is RedisException or Npgsql.NpgsqlException or TimeoutException)
            {
                // A piece is still coming back; look again.
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }
}
