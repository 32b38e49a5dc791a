using LexIntel.Shared.Queue;
using Microsoft.ML.OnnxRuntime;
using Npgsql;

namespace LexIntel.WorkerService.Pipeline;

/// <summary>
/// Which errors of a step will happen again, the same way, however often the job is retried: the
/// database refusing the document's data, the embedding model refusing its input, a parser
/// refusing the file's format. They fail the document at the first occurrence, with a stable code
/// and a reason its user can read (the error itself is logged with the job's trace); connection
/// losses, timeouts, deadlocks and the rest stay retryable.
/// </summary>
internal static class FailureClassification
{
    public const string InvalidContent = "invalid_content";
    public const string ModelInput = "model_input";
    public const string UnreadableFormat = "unreadable_format";

    /// <summary>The permanent failure <paramref name="error"/> stands for, or null when a retry may succeed.</summary>
    public static PermanentJobException? Permanent(Exception error)
    {
        foreach (var cause in Causes(error))
        {
            switch (cause)
            {
                // Class 22, data exceptions (invalid byte sequence, value too long, out of range): the
                // same values fail again. Class 23 is left out: a unique violation may be a race.
                case PostgresException { SqlState: [ '2', '2', .. ] } postgres:
                    return new PermanentJobException(InvalidContent, $"the document's text holds data the database cannot store (PostgreSQL error {postgres.SqlState}); the error was logged", error);
                case OnnxRuntimeException:
                    return new PermanentJobException(ModelInput, "the embedding model could not read a passage of this document; the error was logged", error);
                case FormatException or InvalidDataException:
                    return new PermanentJobException(UnreadableFormat, "the file's contents do not follow its format (it is damaged or mislabelled); upload a re-saved copy", error);
            }
        }

        return null;
    }

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
