namespace LexIntel.Shared.Queue;

/// <summary>One job stream at a glance.</summary>
public sealed record QueueStats(
    string Kind,
    long Length,
    long Pending,
    long? Lag,
    long Delayed,
    long DeadLetters,
    int Consumers);
