using System.Diagnostics;
using System.Net.Sockets;
using Azure;
using LexIntel.Shared.Queue;
using LexIntel.WorkerService.Extraction;
using Microsoft.ML.OnnxRuntime;
using Npgsql;
using StackExchange.Redis;

namespace LexIntel.WorkerService.Pipeline;

/// <summary>
/// Only transient faults are worth a retry: a connection lost, a timeout, a deadlock, a service
/// briefly unavailable. Every other error of a step happens again, the same way, however often the
/// job is retried, and fails the document at its first occurrence with a stable code and a reason
/// its user can read (the error itself is logged with the job's trace): the database refusing the
/// document's data, the embedding model refusing its input, a parser failing on the file, and any
/// error nobody anticipated (before, such a document was tried five times over, for minutes).
/// </summary>
internal static class FailureClassification
{
    public const string InvalidContent = "invalid_content";
    public const string ModelInput = "model_input";
    public const string UnreadableFormat = "unreadable_format";
    public const string InternalError = "internal_error";

    /// <summary>The permanent failure <paramref name="error"/> stands for, or null when a retry may succeed.</summary>
    public static PermanentJobException? Permanent(Exception error)
    {
        var causes = Causes(error).ToList();
        foreach (var cause in causes)
        {
            switch (cause)
            {
                // Class 22, data exceptions (invalid byte sequence, value too long, out of range): the same values fail again.
                case PostgresException { SqlState: ['2', '2', ..] } postgres:
                    return new PermanentJobException(InvalidContent, $"the document's text holds data the database cannot store (PostgreSQL error {postgres.SqlState}); the error was logged", error);
                case OnnxRuntimeException:
                    return new PermanentJobException(ModelInput, "the embedding model could not read a passage of this document; the error was logged", error);
                case ParserFailedException or FormatException:
                    return new PermanentJobException(UnreadableFormat, "the file could not be read: its contents do not follow its format (it is damaged, or not what its type says); upload a re-saved copy", error);
            }
        }

        return causes.Any(IsTransient)
            ? null
            : new PermanentJobException(InternalError, $"processing failed unexpectedly ({InternalError}); the error was logged with {(Activity.Current is { } activity ? $"trace id {activity.TraceId}" : "the document's id")}", error);
    }

    /// <summary>
    /// PostgreSQL's connection (08), integrity (23: a unique violation is a concurrent run's race),
    /// transaction rollback (40: deadlock, serialization), resource (53), lock (55P03), operator
    /// (57: shutting down, starting up) and system (58) classes; Npgsql's own transient errors;
    /// Redis, the blob store (timeouts, throttling, 5xx), HTTP, sockets, I/O and timeouts.
    /// </summary>
    private static bool IsTransient(Exception error) => error switch
    {
        RetryableJobException => true,
        PostgresException postgres => postgres.IsTransient || postgres.SqlState[..2] is "08" or "23" or "40" or "53" or "57" or "58" || postgres.SqlState == "55P03",
        NpgsqlException npgsql => npgsql.IsTransient,
        RedisException or TimeoutException or HttpRequestException or SocketException or IOException or OperationCanceledException => true,
        RequestFailedException blob => blob.Status is 0 or 408 or 429 or >= 500,
        _ => false,
    };

    private static IEnumerable<Exception> Causes(Exception error)
    {
        for (Exception? cause = error; cause is not null; cause = cause.InnerException)
        {
            yield return cause;
            if (cause is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Causes))
                {
                    yield return inner;
                }
            }
        }
    }
}
