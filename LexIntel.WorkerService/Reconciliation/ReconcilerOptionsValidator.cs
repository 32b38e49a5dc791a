using Microsoft.Extensions.Options;

namespace LexIntel.WorkerService.Reconciliation;

/// <summary>Refuses, at start, a schedule that would busy the databases or repair what is not broken, naming the key.</summary>
internal sealed class ReconcilerOptionsValidator : IValidateOptions<ReconcilerOptions>
{
    public static TimeSpan MinInterval { get; } = TimeSpan.FromSeconds(10);

    public static TimeSpan MaxInterval { get; } = TimeSpan.FromDays(1);

    /// <summary>Less than this and a document merely waiting for a free worker could be taken for stuck.</summary>
    public static TimeSpan MinStuckDocumentGracePeriod { get; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// An upload stays staged while it arrives, and the API gives a transfer 10 minutes by default
    /// (<c>LexIntel:RequestTimeouts:Transfer</c>); a shorter grace period could remove one in progress.
    /// </summary>
    public static TimeSpan MinOrphanFileGracePeriod { get; } = TimeSpan.FromMinutes(10);

    public ValidateOptionsResult Validate(string? name, ReconcilerOptions options)
    {
        var failures = new List<string>();
        if (options.Interval < MinInterval || options.Interval > MaxInterval)
        {
            failures.Add($"{ReconcilerOptions.SectionName}:Interval must be between {MinInterval} and {MaxInterval}.");
        }

        if (options.StuckDocumentGracePeriod < MinStuckDocumentGracePeriod)
        {
            failures.Add($"{ReconcilerOptions.SectionName}:StuckDocumentGracePeriod must be at least {MinStuckDocumentGracePeriod}.");
        }

        if (options.OrphanFileGracePeriod < MinOrphanFileGracePeriod)
        {
            failures.Add($"{ReconcilerOptions.SectionName}:OrphanFileGracePeriod must be at least {MinOrphanFileGracePeriod}, longer than an upload may take.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
