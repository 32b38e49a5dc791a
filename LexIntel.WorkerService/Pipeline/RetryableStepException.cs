namespace LexIntel.WorkerService.Pipeline;

/// <summary>A step asked to be tried again (<see cref="StepResult.Retry"/>); the queue retries with backoff and shows the reason once it gives up.</summary>
internal sealed class RetryableStepException(string reason) : Exception(reason);
