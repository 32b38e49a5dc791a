using System.Collections.Concurrent;
using LexIntel.Shared.Queue;

namespace LexIntel.Tests.Integration.Queue;

/// <summary>What the test handler does, and a record of every run and final failure.</summary>
public sealed class JobScript
{
    private readonly ConcurrentDictionary<string, int> running = new();
    private int maxConcurrentRunsOfOneJob;

    public Func<JobMessage, CancellationToken, Task> Behavior { get; set; } = (_, _) => Task.CompletedTask;

    public ConcurrentQueue<JobRun> Runs { get; } = new();

    public ConcurrentQueue<JobRun> Completed { get; } = new();

    public ConcurrentQueue<(JobMessage Job, JobFailure Failure)> Failures { get; } = new();

    /// <summary>The most runs of the same job key seen at one moment; more than 1 means a double delivery.</summary>
    public int MaxConcurrentRunsOfOneJob => Volatile.Read(ref maxConcurrentRunsOfOneJob);

    internal async Task RunAsync(JobMessage job, CancellationToken cancellationToken)
    {
        var run = new JobRun(job.Key, job.Attempt, DateTimeOffset.UtcNow);
        Runs.Enqueue(run);
        var concurrent = running.AddOrUpdate(job.Key, 1, (_, n) => n + 1);
        InterlockedMax(ref maxConcurrentRunsOfOneJob, concurrent);
        try
        {
            await Behavior(job, cancellationToken);
            Completed.Enqueue(run);
        }
        finally
        {
            running.AddOrUpdate(job.Key, 0, (_, n) => n - 1);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}

public sealed record JobRun(string Key, int Attempt, DateTimeOffset StartedAt);

public sealed class ScriptedJobHandler(JobScript script) : IJobHandler
{
    public Task HandleAsync(JobMessage job, CancellationToken cancellationToken) => script.RunAsync(job, cancellationToken);
}

public sealed class ScriptedFailureRecorder(JobScript script) : IJobFailureRecorder
{
    public Task RecordAsync(JobMessage job, JobFailure failure, CancellationToken cancellationToken)
    {
        script.Failures.Enqueue((job, failure));
        return Task.CompletedTask;
    }
}
