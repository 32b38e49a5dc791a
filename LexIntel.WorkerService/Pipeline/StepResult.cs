namespace LexIntel.WorkerService.Pipeline;

/// <summary>How a step went: on to the next step, nothing left to do, try again later, or failed for good.</summary>
internal abstract record StepResult
{
    public static StepResult Success { get; } = new Succeeded();

    /// <summary>The run was finished, reprocessed or deleted meanwhile: the job stops without failing.</summary>
    public static StepResult Superseded { get; } = new Stopped();

    public static StepResult Retry(string reason) => new Retryable(reason);

    public static StepResult Fail(string code, string reason) => new Permanent(code, reason);

    internal sealed record Succeeded : StepResult;

    internal sealed record Stopped : StepResult;

    internal sealed record Retryable(string Reason) : StepResult;

    /// <summary>A failure no retry can fix; <see cref="Code"/> is the stable reason clients match on.</summary>
    internal sealed record Permanent(string Code, string Reason) : StepResult;
}
