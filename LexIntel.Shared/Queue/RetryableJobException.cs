namespace LexIntel.Shared.Queue;

/// <summary>
/// A handler asks for another attempt with a reason written for users: once the attempts run out,
/// it is the reason they are shown. Any other exception's message stays in the logs and traces,
/// since it may name server paths or internals; users are told only that processing failed
/// unexpectedly and where the error was logged.
/// </summary>
public sealed class RetryableJobException(string reason, Exception? innerException = null) : Exception(reason, innerException);
