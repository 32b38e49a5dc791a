namespace LexIntel.Shared.Queue;

/// <summary>
/// A failure no retry can fix (corrupt or unsupported file, document gone): the job fails at once.
/// Every other exception from a handler is treated as retryable.
/// </summary>
public sealed class PermanentJobException : Exception
{
    public PermanentJobException(string code, string message, Exception? innerException = null)
        : base(message, innerException) => Code = code;

    /// <summary>Stable machine-readable reason, e.g. <c>unsupported_type</c>.</summary>
    public string Code { get; }
}
