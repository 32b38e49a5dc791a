using LexIntel.Shared.Pipeline;
using LexIntel.Shared.Queue;

namespace LexIntel.WorkerService.Pipeline;

/// <summary>
/// Runs a job's steps of <see cref="DocumentPipeline"/> in their declared order, moving the
/// document to each step's stage as it starts, then hands the run over to the job of the next kind.
/// A run that is finished, reprocessed or deleted stops wherever the job notices it.
/// </summary>
internal sealed partial class DocumentPipelineHandler(
    DocumentStages stages,
    IEnumerable<IDocumentStep> implementations,
    JobPublisher publisher,
    TimeProvider time,
    ILogger<DocumentPipelineHandler> logger) : IJobHandler
{
    public async Task HandleAsync(JobMessage job, CancellationToken cancellationToken)
    {
        var document = await stages.CurrentRunAsync(job, cancellationToken);
        if (document is null)
        {
            LogNothingToDo(job.DocumentId, job.RunNumber, job.Kind);
            await stages.RestoreFinalEventAsync(job, cancellationToken);
            return;
        }

        await using var run = new DocumentRun(job, document, Guid.CreateVersion7(time.GetUtcNow()));
        var steps = implementations.ToDictionary(s => s.Step);
        foreach (var declared in DocumentPipeline.StepsOf(job.Kind))
        {
            var step = steps[declared];
            if (!step.AppliesTo(run))
            {
                continue;
            }

            if (!await stages.MoveToAsync(job, declared, step.Describe(run), cancellationToken))
            {
                LogNothingToDo(job.DocumentId, job.RunNumber, declared.Name);
                return;
            }

            StepResult result;
            try
            {
                result = await step.RunAsync(run, cancellationToken);
            }
            catch (Exception ex) when (ex is not (PermanentJobException or RetryableJobException) && !cancellationToken.IsCancellationRequested && FailureClassification.Permanent(ex) is { } permanent)
            {
                LogPermanentError(ex, job.DocumentId, declared.Name, permanent.Code);
                throw permanent;
            }

            switch (result)
            {
                case StepResult.Stopped:
                    LogNothingToDo(job.DocumentId, job.RunNumber, declared.Name);
                    return;
                case StepResult.Retryable retry:
                    throw new RetryableJobException(retry.Reason, retry.Cause);
                case StepResult.Permanent failure:
                    throw new PermanentJobException(failure.Code, failure.Reason);
            }
        }

        if (DocumentPipeline.HandOverFrom(job.Kind) is { } next)
        {
            await HandOverAsync(run, next, cancellationToken);
        }
    }

    private async Task HandOverAsync(DocumentRun run, PipelineStep next, CancellationToken cancellationToken)
    {
        var job = run.Job;
        if (!await stages.MoveToAsync(job, next, $"Queued for {next.Stage}", cancellationToken))
        {
            LogNothingToDo(job.DocumentId, job.RunNumber, next.Name);
            return;
        }

        await publisher.EnqueueAsync(
            job with { Kind = next.JobKind, Key = $"{next.JobKind}:{job.DocumentId}:{job.RunNumber}:{run.PassId:N}", Attempt = 1, EnqueuedAt = default },
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Document {DocumentId} failed at {Step} with an error that would recur on every retry; failed as {Code}")]
    private partial void LogPermanentError(Exception exception, Guid documentId, string step, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Document {DocumentId} run {Run} is finished, superseded or gone; stopped at {Step}")]
    private partial void LogNothingToDo(Guid documentId, int run, string step);
}
