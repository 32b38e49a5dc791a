namespace LexIntel.Shared.Queue;

/// <summary>
/// Records a job's final failure where users see it (the document's status and reason). Called
/// before the entry is acknowledged, so a crash in between only repeats the recording.
/// </summary>
public interface IJobFailureRecorder
{
    Task RecordAsync(JobMessage job, JobFailure failure, CancellationToken cancellationToken);
}
