namespace LexIntel.Shared.Queue;

/// <summary>Where a <see cref="JobConsumer"/> is in its life.</summary>
public enum JobConsumerState
{
    /// <summary>Not yet reading: its consumer group may not exist yet.</summary>
    Starting,

    /// <summary>Member of its group, reading and running jobs.</summary>
    Consuming,

    /// <summary>Takes no more jobs: shut down (its jobs in flight may still be draining) or failed.</summary>
    Stopped,
}
