namespace LexIntel.WorkerService.Pipeline;

/// <summary>How a step went: on to the next step, nothing left to do, try again later, or failed for good.</summary>
internal abstract record StepResult
{
    public static StepResult Success { get; } = new Succeeded();

    /// <summary>The run was finished, reprocessed or deleted meanwhile: the job stops without failing.</summary>
    public static StepResult Superseded { get; } = new Stopped();

    /// <summary>Try again later; <paramref name="reason"/> is shown to users should the attempts run out, <paramref name="cause"/> only logged.</summary>
    public static StepResult Retry(string reason, Exception? cause = null) => new Retryable(reason, cause);

    public static StepResult Fail(string code, string reason) => new Permanent(code, reason);

    internal sealed record Succeeded : StepResult;

    internal sealed record Stopped : StepResult;

    internal sealed record Retryable(string Reason, Exception? Cause) : StepResult;

    /// <summary>A failure no retry can fix; <see cref="Code"/> is the stable reason clients match on.</summary>
    internal sealed record Permanent(string Code, string Reason) : StepResult;
}
