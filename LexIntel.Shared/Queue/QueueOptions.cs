namespace LexIntel.Shared.Queue;

/// <summary>Job queue behaviour, bound from <c>LexIntel:Queue</c>.</summary>
public sealed class QueueOptions
{
    public const string SectionName = "LexIntel:Queue";

    /// <summary>
    /// How long a delivered entry may go without its consumer renewing the lease before another
    /// consumer reclaims it. Live consumers renew every third of this, so only a lost worker's
    /// entries are reclaimed.
    /// </summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts in all (the first run included) before a retryable failure is dead-lettered.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// Attempts in all (every delivery counted) after which a run that did not finish ends the job:
    /// one lost with its worker (dead-lettered as <c>worker_crashed</c> when reclaimed) or stopped
    /// by the time limit (<c>timed_out</c>). Fewer than <see cref="MaxAttempts"/> (and never more), because such a run
    /// costs a whole worker or the whole time limit, and a file that causes it does so every time.
    /// </summary>
    public int MaxDeliveries { get; set; } = 3;

    /// <summary><see cref="MaxDeliveries"/>, but never more than <see cref="MaxAttempts"/>, which bounds every job.</summary>
    internal int DeliveryCap => Math.Min(MaxDeliveries, MaxAttempts);

    /// <summary>Ceiling of the delay before the first retry, doubled for each further attempt; see <see cref="RetryDelay"/>.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>After this the handler's token is cancelled (the job then counts as a timeout, retried up to <see cref="MaxDeliveries"/>).</summary>
    public TimeSpan SoftTimeLimit { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// After this the consumer gives the entry up without acknowledging it, to be reclaimed (or, on
    /// its last delivery, dead-lettered as timed out); the handler keeps its slot until it ends.
    /// </summary>
    public TimeSpan HardTimeLimit { get; set; } = TimeSpan.FromMinutes(11);

    /// <summary>Entries fetched per read (<c>XREADGROUP COUNT</c>); 1 keeps work with idle consumers.</summary>
    public int Prefetch { get; set; } = 1;

    /// <summary>Jobs one consumer runs at once.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>Per-kind overrides of <see cref="Concurrency"/> (<c>LexIntel:Queue:ConcurrencyByKind:embed</c>).</summary>
    public Dictionary<string, int> ConcurrencyByKind { get; } = new(StringComparer.Ordinal);

    /// <summary>How long in-flight jobs may run on after shutdown starts before they are cancelled and left pending.</summary>
    public TimeSpan ShutdownGracePeriod { get; set; } = TimeSpan.FromSeconds(25);

    /// <summary>Fallback read interval should a wake-up notification be missed.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often due delayed retries are moved back to their stream.</summary>
    public TimeSpan DelayedPollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long an enqueued job key suppresses a second enqueue of the same key.</summary>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Dead letters kept per kind (approximate <c>MAXLEN</c>).</summary>
    public int DeadLetterMaxLength { get; set; } = 10_000;

    /// <summary>Consumer name; defaults to <c>{machine}-{pid}</c>, unique per worker process.</summary>
    public string? ConsumerName { get; set; }

    public int ConcurrencyFor(string kind) => ConcurrencyByKind.TryGetValue(kind, out var concurrency) ? concurrency : Concurrency;

    internal string ResolveConsumerName() =>
        string.IsNullOrWhiteSpace(ConsumerName) ? $"{Environment.MachineName}-{Environment.ProcessId}" : ConsumerName;

    /// <summary>
    /// Backoff for the retry after <paramref name="attempt"/> failed: "full jitter", anywhere from
    /// zero up to an exponential ceiling (<paramref name="jitter"/> in [0, 1) picks where). Jobs
    /// that failed together, say on one database blip, are spread over the whole window rather
    /// than its upper half, so they do not come back in a burst.
    /// </summary>
    internal TimeSpan RetryDelay(int attempt, double jitter)
    {
        var ceiling = Math.Min(RetryMaxDelay.TotalMilliseconds, RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1)));
        return TimeSpan.FromMilliseconds(ceiling * jitter);
    }
}
