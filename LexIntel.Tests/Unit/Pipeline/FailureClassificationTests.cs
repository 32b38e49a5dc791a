using System.Net.Sockets;
using LexIntel.WorkerService.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.ML.OnnxRuntime;
using Npgsql;

namespace LexIntel.Tests.Unit.Pipeline;

/// <summary>Each class of error a step can end with: permanent at once with its code, or left to a retry.</summary>
[Tier(TestTier.Unit)]
public sealed class FailureClassificationTests
{
    public static TheoryData<string, Exception, string?> Errors => new()
    {
        { "invalid byte sequence (NUL in text)", Postgres("22021", "invalid byte sequence for encoding \"UTF8\": 0x00"), FailureClassification.InvalidContent },
        { "value too long, inside EF Core's update exception", new DbUpdateException("An error occurred while saving", Postgres("22001", "value too long for type character varying(500)")), FailureClassification.InvalidContent },
        { "the model refusing its input", ModelError(), FailureClassification.ModelInput },
        { "a parser refusing the format, inside an aggregate", new AggregateException(new FormatException("Invalid token in the xref table")), FailureClassification.UnreadableFormat },
        { "a damaged archive", new InvalidDataException("End of Central Directory record could not be found"), FailureClassification.UnreadableFormat },
        { "a deadlock", Postgres("40P01", "deadlock detected"), null },
        { "a serialization failure", Postgres("40001", "could not serialize access"), null },
        { "a unique violation (a concurrent run)", Postgres("23505", "duplicate key value violates unique constraint"), null },
        { "a lost connection", new NpgsqlException("Exception while reading from stream", new SocketException((int)SocketError.ConnectionReset)), null },
        { "a timeout", new TimeoutException("The operation has timed out."), null },
        { "the store unreachable", new HttpRequestException("Connection refused"), null },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void An_error_is_permanent_with_its_code_or_left_to_a_retry(string what, Exception error, string? code)
    {
        var permanent = FailureClassification.Permanent(error);

        Assert.True(code == permanent?.Code, $"{what}: expected {code ?? "a retry"}, got {permanent?.Code ?? "a retry"}");
        if (permanent is not null)
        {
            Assert.Same(error, permanent.InnerException);
            Assert.DoesNotContain(" at ", permanent.Message, StringComparison.Ordinal);
            Assert.EndsWith(code == FailureClassification.UnreadableFormat ? "upload a re-saved copy" : "the error was logged", permanent.Message, StringComparison.Ordinal);
        }
    }

    private static PostgresException Postgres(string sqlState, string message) => new(message, "ERROR", "ERROR", sqlState);

    /// <summary>A real one: ONNX Runtime refusing bytes that are no model.</summary>
    private static OnnxRuntimeException ModelError()
    {
        try
        {
            using var session = new InferenceSession([1, 2, 3, 4]);
            throw new InvalidOperationException("ONNX Runtime accepted four bytes as a model");
        }
        catch (OnnxRuntimeException ex)
        {
            return ex;
        }
    }
}
