namespace LexIntel.Shared.Queue;

/// <summary>
/// Runs the jobs of the kind it is registered for (<c>AddJobHandler</c>). Must be idempotent: an entry can be delivered again after a lost
/// worker or a timeout, and a second run must leave the same single result. Return only once the
/// job's database work has committed; the entry is acknowledged after that.
/// </summary>
public interface IJobHandler
{
    Task HandleAsync(JobMessage job, CancellationToken cancellationToken);
}
