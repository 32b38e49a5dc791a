using System.Globalization;
using System.Text;
using LexIntel.Shared.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace LexIntel.ApiService.Search;

/// <summary>
/// Finds a tenant's passages by full-text rank (<c>websearch_to_tsquery</c>, <c>ts_rank_cd</c>), by
/// embedding similarity (pgvector HNSW), or both fused with Reciprocal Rank Fusion, in one SQL
/// statement: each ranking takes its top candidates, RRF adds <c>1 / (k + rank)</c> per ranking.
/// </summary>
public sealed class ChunkSearcher(LexIntelDbContext db, QueryEmbedder embedder, IOptions<SearchOptions> options)
{
    // ts_rank picks this many times the candidate depth for ts_rank_cd (twice its cost per row) to order.
    private const int PreRankFactor = 5;

    public async Task<SearchResponse> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        ReadOnlyMemory<float>? embedding = query.Mode == SearchMode.Keyword ? null : await embedder.EmbedAsync(query.Text, cancellationToken);

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch(connection);
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                "SELECT set_config('hnsw.ef_search', $1, false), set_config('hnsw.iterative_scan', 'relaxed_order', false)")
            {
                Parameters = { new NpgsqlParameter { Value = settings.EfSearch.ToString(CultureInfo.InvariantCulture) } },
            });
            var search = new NpgsqlBatchCommand(BuildSql(query, embedding is not null));
            AddParameters(search.Parameters, query, embedding, settings);
            batch.BatchCommands.Add(search);

            var rows = new List<Row>();
            await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
            {
                await reader.NextResultAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add(Row.Read(reader));
                }
            }

            var page = rows.Take(query.Limit).ToList();
            var citations = await CitationsOfAsync([.. page.Select(r => r.ChunkId)], cancellationToken);
            var hits = page.Select(r => r.ToHit(citations.TryGetValue(r.ChunkId, out var cited) ? cited : [])).ToList();
            var next = rows.Count > query.Limit ? new SearchCursor(page[^1].Score, page[^1].ChunkId, query.Fingerprint).Encode() : null;
            return new SearchResponse(query.Mode.ToString().ToLowerInvariant(), hits, next);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<Dictionary<Guid, string[]>> CitationsOfAsync(Guid[] chunkIds, CancellationToken cancellationToken)
    {
        var rows = await db.Citations.AsNoTracking()
            .Where(c => c.ChunkId != null && chunkIds.Contains(c.ChunkId.Value))
            .Select(c => new { ChunkId = c.ChunkId!.Value, c.Normalized })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.ChunkId).ToDictionary(g => g.Key, g => g.Select(r => r.Normalized).Distinct().ToArray());
    }

    /// <summary>
    /// Only fixed fragments go into the text; every value is a parameter. Filters are repeated in
    /// each ranking so each index scan is already scoped.
    /// </summary>
    private static string BuildSql(SearchQuery query, bool semantic)
    {
        var scope = new StringBuilder("""d."TenantId" = @tenant""");
        if (query.CaseIds is not null)
        {
            scope.Append(""" AND d."CaseId" = ANY(@cases)""");
        }

        if (query.DocumentIds is not null)
        {
            scope.Append(""" AND c."DocumentId" = ANY(@documents)""");
        }

        if (query.ContentTypes is not null)
        {
            scope.Append(""" AND d."ContentType" = ANY(@content_types)""");
        }

        if (query.UploadedFrom is not null)
        {
            scope.Append(""" AND d."CreatedAt" >= @uploaded_from""");
        }

        if (query.UploadedBefore is not null)
        {
            scope.Append(""" AND d."CreatedAt" < @uploaded_before""");
        }

        if (query.Cites is not null)
        {
            scope.Append(""" AND EXISTS (SELECT 1 FROM "Citations" x WHERE x."DocumentId" = d."Id" AND x."Normalized" = @cites)""");
        }

        var keyword = query.Mode != SearchMode.Semantic;
        var sql = new StringBuilder("WITH ");
        if (keyword)
        {
            sql.Append(CultureInfo.InvariantCulture, $"""
                matched AS (
                    -- Ranking reads every ranked row's tsvector; a word in half the chunks of a huge
                    -- case would be ranked row by row, so at most @rank_window matches are, first by
                    -- the cheaper ts_rank, then the best @prerank_depth by cover density.
                    SELECT m."Id", ts_rank_cd(m."SearchVector", m.tsq, 32)::float8 AS score
                    FROM (
                        SELECT w."Id", w."SearchVector", w.tsq
                        FROM (
                            SELECT c."Id", c."SearchVector", q.tsq
                            FROM "DocumentChunks" c
                            JOIN "Documents" d ON d."Id" = c."DocumentId"
                            CROSS JOIN (SELECT websearch_to_tsquery('english', @tsquery) AS tsq) q
                            WHERE c."SearchVector" @@ q.tsq AND {scope}
                            LIMIT @rank_window
                        ) w
                        ORDER BY ts_rank(w."SearchVector", w.tsq, 32) DESC
                        LIMIT @prerank_depth
                    ) m
                    ORDER BY score DESC, m."Id"
                    LIMIT @depth
                ),
                keyword AS (
                    -- Ranked after the LIMIT: a top-N sort of the matches, not a full one.
                    SELECT "Id", score, row_number() OVER (ORDER BY score DESC, "Id")::int AS rank FROM matched
                ),
                """);
        }

        if (semantic)
        {
            // relaxed_order lets a filtered HNSW scan go on until it has enough rows; re-ranked by distance here.
            sql.Append(CultureInfo.InvariantCulture, $"""
                nearest AS (
                    SELECT c."Id", c."Embedding" <=> @embedding::vector AS distance
                    FROM "DocumentChunks" c
                    JOIN "Documents" d ON d."Id" = c."DocumentId"
                    WHERE c."Embedding" IS NOT NULL AND {scope}
                    ORDER BY c."Embedding" <=> @embedding::vector
                    LIMIT @depth
                ),
                semantic AS (
                    SELECT "Id", 1 - distance AS similarity, row_number() OVER (ORDER BY distance, "Id")::int AS rank FROM nearest
                ),
                """);
        }

        sql.Append(query.Mode switch
        {
            SearchMode.Keyword => """
                fused AS (SELECT "Id", rank AS keyword_rank, score AS keyword_score, NULL::int AS semantic_rank, NULL::float8 AS similarity, score AS fused FROM keyword)
                """,
            SearchMode.Semantic => """
                fused AS (SELECT "Id", NULL::int AS keyword_rank, NULL::float8 AS keyword_score, rank AS semantic_rank, similarity, similarity AS fused FROM semantic)
                """,
            _ => """
                fused AS (
                    SELECT coalesce(k."Id", s."Id") AS "Id", k.rank AS keyword_rank, k.score AS keyword_score, s.rank AS semantic_rank, s.similarity,
                           coalesce(1.0 / (@rrf_k + k.rank), 0) + coalesce(1.0 / (@rrf_k + s.rank), 0) AS fused
                    FROM keyword k FULL OUTER JOIN semantic s ON s."Id" = k."Id"
                )
                """,
        });

        sql.Append("""

            SELECT f."Id", c."DocumentId", d."OriginalFileName", d."CaseId", c."PageStart", c."PageEnd", c."Text",
                   ts_headline('english', c."Text", websearch_to_tsquery('english', @query) || websearch_to_tsquery('english', @tsquery), 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "'),
                   f.fused::float8, f.keyword_rank, f.keyword_score, f.semantic_rank, f.similarity
            FROM fused f
            JOIN "DocumentChunks" c ON c."Id" = f."Id"
            JOIN "Documents" d ON d."Id" = c."DocumentId"
            """);
        if (query.After is not null)
        {
            sql.Append("""

                WHERE f.fused::float8 < @after_score OR (f.fused::float8 = @after_score AND f."Id" > @after_id)
                """);
        }

        sql.Append("""

            ORDER BY f.fused::float8 DESC, f."Id"
            LIMIT @limit
            """);
        return sql.ToString();
    }

    private static void AddParameters(NpgsqlParameterCollection parameters, SearchQuery query, ReadOnlyMemory<float>? embedding, SearchOptions settings)
    {
        parameters.AddWithValue("tenant", query.TenantId);
        parameters.AddWithValue("query", query.Text);
        parameters.AddWithValue("tsquery", LegalText.ForFullTextSearch(query.Text));
        parameters.AddWithValue("depth", settings.CandidateDepth);
        parameters.AddWithValue("rank_window", settings.KeywordRankWindow);
        parameters.AddWithValue("prerank_depth", settings.CandidateDepth * PreRankFactor);
        parameters.AddWithValue("rrf_k", settings.RrfK);
        parameters.AddWithValue("limit", query.Limit + 1);
        if (embedding is { } vector)
        {
            parameters.AddWithValue("embedding", VectorText.Format(vector.Span));
        }

        if (query.CaseIds is not null)
        {
            parameters.AddWithValue("cases", query.CaseIds.ToArray());
        }

        if (query.DocumentIds is not null)
        {
            parameters.AddWithValue("documents", query.DocumentIds.ToArray());
        }

        if (query.ContentTypes is not null)
        {
            parameters.AddWithValue("content_types", query.ContentTypes.ToArray());
        }

        if (query.UploadedFrom is { } from)
        {
            parameters.AddWithValue("uploaded_from", NpgsqlDbType.TimestampTz, from.ToUniversalTime());
        }

        if (query.UploadedBefore is { } before)
        {
            parameters.AddWithValue("uploaded_before", NpgsqlDbType.TimestampTz, before.ToUniversalTime());
        }

        if (query.Cites is not null)
        {
            parameters.AddWithValue("cites", query.Cites);
        }

        if (query.After is { } after)
        {
            parameters.AddWithValue("after_score", after.Score);
            parameters.AddWithValue("after_id", after.ChunkId);
        }
    }

    private sealed record Row(Guid ChunkId, Guid DocumentId, string DocumentName, Guid CaseId, int PageStart, int PageEnd, string Text, string Highlight, double Score, int? KeywordRank, double? KeywordScore, int? SemanticRank, double? Similarity)
    {
        public static Row Read(NpgsqlDataReader reader) => new(
            reader.GetGuid(0),
            reader.GetGuid(1),
            reader.GetString(2),
            reader.GetGuid(3),
            reader.GetInt32(4),
            reader.GetInt32(5),
            reader.GetString(6),
            reader.GetString(7),
            reader.GetDouble(8),
            reader.IsDBNull(9) ? null : reader.GetInt32(9),
            reader.IsDBNull(10) ? null : reader.GetDouble(10),
            reader.IsDBNull(11) ? null : reader.GetInt32(11),
            reader.IsDBNull(12) ? null : reader.GetDouble(12));

        public SearchHit ToHit(IReadOnlyList<string> citations) =>
            new(ChunkId, DocumentId, DocumentName, CaseId, PageStart, PageEnd, Text, Highlight, new SearchScore(Score, KeywordRank, KeywordScore, SemanticRank, Similarity), citations);
    }
}
