using System.Net.Sockets;
using Azure;
using LexIntel.WorkerService.Extraction;
using LexIntel.WorkerService.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.ML.OnnxRuntime;
using Npgsql;
using StackExchange.Redis;

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
        { "the sandbox's parser failing on the file", new ParserFailedException("UglyToad.PdfPig.Core.PdfDocumentFormatException: Could not find the cross-reference table"), FailureClassification.UnreadableFormat },
        { "a parser refusing the format, inside an aggregate", new AggregateException(new FormatException("Invalid token in the xref table")), FailureClassification.UnreadableFormat },
        { "an error nobody anticipated", new InvalidOperationException("Sequence contains no elements"), FailureClassification.InternalError },
        { "a deadlock", Postgres("40P01", "deadlock detected"), null },
        { "a serialization failure", Postgres("40001", "could not serialize access"), null },
        { "a unique violation (a concurrent run)", Postgres("23505", "duplicate key value violates unique constraint"), null },
        { "the database shutting down", Postgres("57P01", "terminating connection due to administrator command"), null },
        { "a lost connection, inside EF Core's update exception", new DbUpdateException("An error occurred while saving", new NpgsqlException("Exception while reading from stream", new SocketException((int)SocketError.ConnectionReset))), null },
        { "Redis unreachable", new RedisConnectionException(ConnectionFailureType.SocketFailure, "No connection is active/available"), null },
        { "the blob store unavailable", new RequestFailedException(503, "The server is busy."), null },
        { "a timeout", new TimeoutException("The operation has timed out."), null },
        { "the embedding endpoint unreachable", new HttpRequestException("Connection refused"), null },
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
            Assert.DoesNotContain(error.Message, permanent.Message, StringComparison.Ordinal);
            Assert.Matches(@"(the error was logged|upload a re-saved copy|the error was logged with the document's id)$", permanent.Message);
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
