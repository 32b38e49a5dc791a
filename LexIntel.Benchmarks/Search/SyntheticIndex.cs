using LexIntel.ApiService.Search;
using LexIntel.Shared.Data;
using LexIntel.Shared.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace LexIntel.Benchmarks.Search;

/// <summary>
/// Fills a throwaway database with one tenant's case of synthetic documents and chunks, each with
/// <see cref="WindowsPerChunk"/> windows as the worker embeds them: rows by COPY, then the HNSW
/// indexes built once over all of them (as a bulk load would), not row by row.
/// </summary>
internal static class SyntheticIndex
{
    /// <summary>Per-dimension noise around a passage's embedding: cosine ≈ 0.9 to it.</summary>
    private const double Noise = 0.025;

    /// <summary>What a 300-token passage has with 150-token windows overlapping by 25.</summary>
    private const int WindowsPerChunk = 3;

    public static async Task<(Guid TenantId, Guid CaseId)> LoadAsync(string connectionString, LegalTextGenerator text, IReadOnlyList<float[]> vectors, int chunks, int documents, CancellationToken cancellationToken)
    {
        var now = PostgresTime.Truncate(DateTimeOffset.UtcNow);
        var tenant = new Tenant { Id = Guid.NewGuid(), Name = "search benchmark", CreatedAt = now };
        var matter = new Case { Id = Guid.NewGuid(), TenantId = tenant.Id, Name = "search benchmark", CreatedAt = now, UpdatedAt = now };
        var docs = Enumerable.Range(0, documents).Select(i => new Document
        {
            Id = Guid.NewGuid(),
            TenantId = tenant.Id,
            CaseId = matter.Id,
            OriginalFileName = $"filing-{i:D3}.pdf",
            ContentType = "application/pdf",
            SizeBytes = 1,
            Sha256 = Guid.NewGuid().ToString("N"),
            StorageKey = $"synthetic/{i}",
            PageCount = 1 + (chunks / documents / 2),
            Status = ProcessingStatus.Ready,
            RunNumber = 1,
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();

        await using (var db = new LexIntelDbContext(new DbContextOptionsBuilder<LexIntelDbContext>().UseNpgsql(connectionString, o => o.UseVector()).Options))
        {
            db.AddRange(tenant, matter);
            db.AddRange(docs);
            await db.SaveChangesAsync(cancellationToken);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, """DROP INDEX "IX_DocumentChunks_Embedding" """, cancellationToken);
        await ExecuteAsync(connection, """DROP INDEX "IX_PassageWindows_Embedding" """, cancellationToken);

        var random = new Random(11);
        var ids = new Guid[chunks];
        await using (var writer = await connection.BeginTextImportAsync("""COPY "DocumentChunks" ("Id", "DocumentId", "Ordinal", "Text", "PageStart", "PageEnd", "CharStart", "CharEnd", "Embedding") FROM STDIN""", cancellationToken))
        {
            var perDocument = chunks / documents;
            for (var i = 0; i < chunks; i++)
            {
                var ordinal = i % perDocument;
                var passage = text.Passage();
                var page = 1 + (ordinal / 2);
                var vector = VectorText.Format(Jitter(vectors[i % vectors.Count], random));
                ids[i] = Guid.NewGuid();
                await writer.WriteLineAsync($"{ids[i]}\t{docs[i / perDocument].Id}\t{ordinal}\t{Escape(passage)}\t{page}\t{page}\t{ordinal * 1300}\t{(ordinal * 1300) + passage.Length}\t{vector}");
            }
        }

        // A window's vector is its passage's, jittered again: near the passage, not the same.
        await using (var writer = await connection.BeginTextImportAsync("""COPY "PassageWindows" ("ChunkId", "Ordinal", "CharStart", "CharEnd", "Embedding") FROM STDIN""", cancellationToken))
        {
            for (var i = 0; i < chunks; i++)
            {
                for (var window = 0; window < WindowsPerChunk; window++)
                {
                    var vector = VectorText.Format(Jitter(vectors[i % vectors.Count], random));
                    await writer.WriteLineAsync($"{ids[i]}\t{window}\t{window * 400}\t{(window * 400) + 500}\t{vector}");
                }
            }
        }

        await ExecuteAsync(connection, "SET maintenance_work_mem = '2GB'", cancellationToken);
        await ExecuteAsync(connection, """CREATE INDEX "IX_DocumentChunks_Embedding" ON "DocumentChunks" USING hnsw ("Embedding" vector_cosine_ops)""", cancellationToken);
        await ExecuteAsync(connection, """CREATE INDEX "IX_PassageWindows_Embedding" ON "PassageWindows" USING hnsw ("Embedding" vector_cosine_ops)""", cancellationToken);
        // The steady state of a table loaded a while ago: GIN's pending list merged into the index,
        // the visibility map set, and no autovacuum of the fresh rows running during the measurements.
        await ExecuteAsync(connection, """VACUUM (ANALYZE) "DocumentChunks", "PassageWindows", "Documents" """, cancellationToken);
        return (tenant.Id, matter.Id);
    }

    private static float[] Jitter(float[] vector, Random random)
    {
        var result = new float[vector.Length];
        var norm = 0.0;
        for (var i = 0; i < vector.Length; i++)
        {
            // Box–Muller: a normal sample from two uniform ones.
            var gaussian = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            result[i] = (float)(vector[i] + (Noise * gaussian));
            norm += result[i] * result[i];
        }

        var scale = (float)(1 / Math.Sqrt(norm));
        for (var i = 0; i < result.Length; i++)
        {
            result[i] *= scale;
        }

        return result;
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
