using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace LexIntel.WorkerService.Pipeline;

/// <summary>
/// Writes a document's new chunks with one binary COPY on the context's connection and transaction.
/// Inserted through EF, every row would be its own planned statement that also returns the
/// generated search vector, text-sized, to be parsed and thrown away.
/// </summary>
internal static class ChunkBulkWriter
{
    private const string Copy = """
        COPY "DocumentChunks" ("Id", "DocumentId", "Ordinal", "Text", "Context", "PageStart", "PageEnd", "CharStart", "CharEnd")
        FROM STDIN (FORMAT BINARY)
        """;

    public static async Task WriteAsync(LexIntelDbContext context, IReadOnlyList<DocumentChunk> chunks, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        await using var writer = await connection.BeginBinaryImportAsync(Copy, cancellationToken);
        foreach (var chunk in chunks)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(chunk.Id, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(chunk.DocumentId, NpgsqlDbType.Uuid, cancellationToken);
            await writer.WriteAsync(chunk.Ordinal, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(chunk.Text, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(chunk.Context, NpgsqlDbType.Text, cancellationToken);
            await writer.WriteAsync(chunk.PageStart, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(chunk.PageEnd, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(chunk.CharStart, NpgsqlDbType.Integer, cancellationToken);
            await writer.WriteAsync(chunk.CharEnd, NpgsqlDbType.Integer, cancellationToken);
        }

        await writer.CompleteAsync(cancellationToken);
    }
}
