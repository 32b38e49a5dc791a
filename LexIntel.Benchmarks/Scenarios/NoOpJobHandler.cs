using LexIntel.Shared.Queue;

namespace LexIntel.Benchmarks.Scenarios;

/// <summary>Counts jobs and does nothing else, so the queue's own cost is what gets measured.</summary>
internal sealed class NoOpJobHandler(JobCounter counter) : IJobHandler
{
    public Task HandleAsync(JobMessage job, CancellationToken cancellationToken)
    {
        counter.Increment();
        return Task.CompletedTask;
    }
}

internal sealed class JobCounter
{
    private long count;
    private long target = long.MaxValue;
    private TaskCompletionSource reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Expect(long jobs)
    {
        Interlocked.Exchange(ref count, 0);
        reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref target, jobs);
        return reached.Task;
    }

    public void Increment()
    {
        if (Interlocked.Increment(ref count) == Volatile.Read(ref target))
        {
            reached.TrySetResult();
        }
    }
}
