using System.Globalization;
using System.Text;
using LexIntel.ApiService.Search.Reranking;
using LexIntel.Shared.Citations;
using LexIntel.Shared.Data;
using LexIntel.Shared.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace LexIntel.ApiService.Search;

/// <summary>
/// Finds a tenant's passages by full-text rank (the query's terms held, weighted by rarity, then
/// <c>ts_rank_cd</c>), by embedding similarity (pgvector HNSW, a passage's own vector or its
/// nearest window's), or both: each ranking takes its top
/// candidates and <see cref="HybridFusion"/> adds their scaled scores. In hybrid mode the two
/// rankings run at once on two connections, so a search waits for the slower one, not for both;
/// one more statement then reads the page's passages, highlights and citations.
/// </summary>
/// <remarks>
/// Raw SQL, where <see cref="LexIntelDbContext"/>'s tenant filter ends: every statement here names
/// the tenant itself (<see cref="Scope"/>, <see cref="PassagesAsync"/>).
/// </remarks>
public sealed class ChunkSearcher(LexIntelDbContext db, IServiceScopeFactory scopes, QueryEmbedder embedder, ICitationExtractor citations, SearchReranking reranking, IOptions<SearchOptions> options)
{
    // ts_rank picks this many times the candidate depth for ts_rank_cd (twice its cost per row) to order.
    private const int PreRankFactor = 3;

    // Passages holding every term, when at least the pre-ranked pool's size do, are sampled this many times that size.
    private const int EverySampleFactor = 2;

    public async Task<SearchResponse> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        ReadOnlyMemory<float>? embedding = query.Mode == SearchMode.Keyword ? null : await embedder.EmbedAsync(query.Text, cancellationToken);
        var terms = KeywordTerms.Of(query.Text, citations);

        List<FusedChunk> candidates;
        switch (query.Mode)
        {
            case SearchMode.Keyword:
                candidates = [.. (await KeywordRankingAsync(db, query, terms, settings, cancellationToken)).Select(r => new FusedChunk(r.Id, r.Place, r.Score, r.Rank, r.Score, null, null))];
                break;
            case SearchMode.Semantic:
                candidates = [.. (await SemanticRankingAsync(db, query, embedding!.Value, settings, cancellationToken)).Select(r => new FusedChunk(r.Id, r.Place, r.Score, null, null, r.Rank, r.Score))];
                break;
            default:
                // A second context from the same pool: one connection cannot run two statements at
                // once. Its scope has no tenant resolved, which raw SQL does not need.
                await using (var scope = scopes.CreateAsyncScope())
                {
                    var second = scope.ServiceProvider.GetRequiredService<LexIntelDbContext>();
                    var keyword = KeywordRankingAsync(db, query, terms, settings, cancellationToken);
                    var semantic = SemanticRankingAsync(second, query, embedding!.Value, settings, cancellationToken);
                    await Task.WhenAll(keyword, semantic);
                    candidates = HybridFusion.Fuse(await keyword, await semantic, settings);
                }

                break;
        }

        var ranked = HybridFusion.Rank(candidates, query.Group);
        var passages = new Dictionary<Guid, Passage>();
        RerankCost? rerank = null;
        if (query.Rerank)
        {
            (ranked, rerank) = await reranking.RerankAsync(query, ranked, async ids =>
            {
                await ReadIntoAsync(passages, query, ids, cancellationToken);
                return passages.ToDictionary(p => p.Key, p => p.Value.Text);
            }, cancellationToken);
        }

        var ordered = ranked
            .Where(c => query.After is not { } after || c.Score < after.Score || (c.Score == after.Score && c.Id.CompareTo(after.ChunkId) > 0))
            .ToList();
        var page = ordered.Take(query.Limit).ToList();
        await ReadIntoAsync(passages, query, [.. page.Select(c => c.Id).Where(id => !passages.ContainsKey(id))], cancellationToken);

        // A passage deleted between ranking and reading is left out of the page.
        var hits = page.Where(c => passages.ContainsKey(c.Id)).Select(c => passages[c.Id].ToHit(c)).ToList();
        var next = ordered.Count > query.Limit ? new SearchCursor(page[^1].Score, page[^1].Id, query.Fingerprint).Encode() : null;
        return new SearchResponse(query.Mode.ToString().ToLowerInvariant(), hits, next) { Rerank = rerank };
    }

    /// <summary>Adds the passages to <paramref name="passages"/>, which the re-ranking stage and the page share, so none is read twice.</summary>
    private async Task ReadIntoAsync(Dictionary<Guid, Passage> passages, SearchQuery query, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        foreach (var (id, passage) in await PassagesAsync(query, [.. ids], cancellationToken))
        {
            passages[id] = passage;
        }
    }

    private static async Task<List<RankedChunk>> KeywordRankingAsync(LexIntelDbContext context, SearchQuery query, KeywordTerms terms, SearchOptions settings, CancellationToken cancellationToken)
    {
        var rows = await ReadAsync(context, null, KeywordSql(query), query, terms, null, settings, reader => (Id: reader.GetGuid(0), Place: PlaceOf(reader), Score: reader.GetDouble(3)), cancellationToken);
        return [.. rows.Select((r, i) => new RankedChunk(r.Id, r.Place, r.Score, i + 1))];
    }

    /// <summary>Re-ranked by distance here: a filtered HNSW scan in relaxed order may return rows slightly out of order.</summary>
    private static async Task<List<RankedChunk>> SemanticRankingAsync(LexIntelDbContext context, SearchQuery query, ReadOnlyMemory<float> embedding, SearchOptions settings, CancellationToken cancellationToken)
    {
        var setup = new NpgsqlBatchCommand("SELECT set_config('hnsw.ef_search', $1, false), set_config('hnsw.iterative_scan', 'relaxed_order', false)")
        {
            Parameters = { new NpgsqlParameter { Value = settings.EfSearch.ToString(CultureInfo.InvariantCulture) } },
        };
        var rows = await ReadAsync(context, setup, SemanticSql(query), query, null, embedding, settings, reader => (Id: reader.GetGuid(0), Place: PlaceOf(reader), Distance: reader.GetDouble(3)), cancellationToken);
        return [.. rows.OrderBy(r => r.Distance).ThenBy(r => r.Id).Select((r, i) => new RankedChunk(r.Id, r.Place, 1 - r.Distance, i + 1))];
    }

    /// <summary>The page's passages with their document, highlighted fragments and the citations in each.</summary>
    private async Task<Dictionary<Guid, Passage>> PassagesAsync(SearchQuery query, Guid[] ids, CancellationToken cancellationToken)
    {
        if (ids.Length == 0)
        {
            return [];
        }

        const string Sql = """
            SELECT c."Id", c."DocumentId", d."OriginalFileName", d."CaseId", c."PageStart", c."PageEnd", c."Text",
                   ts_headline('english', c."Text", websearch_to_tsquery('english', @query) || websearch_to_tsquery('english', @tsquery), 'StartSel=<mark>, StopSel=</mark>, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=" … "'),
                   ARRAY(SELECT DISTINCT x."Normalized" FROM "Citations" x WHERE x."ChunkId" = c."Id" ORDER BY x."Normalized")
            FROM "DocumentChunks" c
            JOIN "Documents" d ON d."Id" = c."DocumentId"
            WHERE c."Id" = ANY(@ids) AND d."TenantId" = @tenant
            """;
        var command = new NpgsqlBatchCommand(Sql)
        {
            Parameters =
            {
                new NpgsqlParameter("ids", ids),
                new NpgsqlParameter("tenant", query.TenantId),
                new NpgsqlParameter("query", query.Text),
                new NpgsqlParameter("tsquery", LegalText.ForFullTextSearch(query.Text)),
            },
        };
        var rows = await ExecuteAsync(db, [command], Passage.Read, cancellationToken);
        return rows.ToDictionary(p => p.ChunkId);
    }

    private static Task<List<T>> ReadAsync<T>(
        LexIntelDbContext context,
        NpgsqlBatchCommand? setup,
        string sql,
        SearchQuery query,
        KeywordTerms? terms,
        ReadOnlyMemory<float>? embedding,
        SearchOptions settings,
        Func<NpgsqlDataReader, T> read,
        CancellationToken cancellationToken)
    {
        var command = new NpgsqlBatchCommand(sql);
        AddParameters(command.Parameters, query, terms, embedding, settings);
        return ExecuteAsync(context, setup is null ? [command] : [setup, command], read, cancellationToken);
    }

    /// <summary>Runs the commands as one batch on the context's connection and reads the last one's rows.</summary>
    private static async Task<List<T>> ExecuteAsync<T>(LexIntelDbContext context, NpgsqlBatchCommand[] commands, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var batch = new NpgsqlBatch(connection);
            foreach (var command in commands)
            {
                batch.BatchCommands.Add(command);
            }

            var rows = new List<T>();
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            for (var skip = 1; skip < commands.Length; skip++)
            {
                await reader.NextResultAsync(cancellationToken);
            }

            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add(read(reader));
            }

            return rows;
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Only fixed fragments go into the text; every value is a parameter. Filters are repeated in
    /// each ranking so each index scan is already scoped. The tenant comes first and always: no
    /// query filter guards raw SQL.
    /// </summary>
    private static string Scope(SearchQuery query)
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

        return scope.ToString();
    }

    private static string KeywordSql(SearchQuery query) => $"""
        -- The query's terms: its phrases, and its words' lexemes but the legal stop words (all of
        -- them when nothing else is left); a passage matching any term is a candidate, and one
        -- holding an excluded word is not. Score: the terms held, each weighted by its rarity among
        -- the pre-ranked passages (BM25's inverse document frequency over them, so "Twombly"
        -- outweighs "standard"; the weights average 1, so holding every term scores the number of
        -- terms), then cover density (in [0, 1)). Counted over the pre-ranked rows, whose terms
        -- are checked anyway; over every searched passage, a common word would cost up to
        -- @rank_window row reads.
        -- Ranking reads every ranked row's tsvector; a word in half the chunks of a huge case would
        -- be ranked row by row, so at most @rank_window matches are, first by the cheaper ts_rank
        -- (which grows with the terms held), then the best @prerank_depth by terms held and cover
        -- density. Only ids and ranks are sorted (a tsvector is ~2 kB): the few rows scored in full
        -- are read again by primary key. When at least @prerank_depth passages hold every term,
        -- they are the best by terms held, so only they are ranked (the GIN index intersects the
        -- terms, and the window is not filled with passages holding one common word); as they tie
        -- on terms held, ts_rank picks the pool from a sample of @every_window of them, not from
        -- @rank_window: a phrase or citation held by thousands of passages is checked position by
        -- position in every row read, which made such queries the slowest.
        WITH words AS (
            SELECT lexeme FROM unnest(to_tsvector('english', @words))
        ), meaningful AS (
            SELECT lexeme FROM words WHERE lexeme <> ALL (tsvector_to_array(to_tsvector('english', @stop_words)))
        ), terms AS (
            SELECT quote_literal(lexeme)::tsquery AS term FROM meaningful
            UNION ALL
            SELECT quote_literal(lexeme)::tsquery FROM words WHERE NOT EXISTS (SELECT 1 FROM meaningful) AND cardinality(@phrases) = 0
            UNION ALL
            SELECT phraseto_tsquery('english', p) FROM unnest(@phrases) p WHERE numnode(phraseto_tsquery('english', p)) > 0
        ), q AS (
            SELECT array_agg(term) AS terms, string_agg('(' || term::text || ')', ' | ')::tsquery AS tsq,
                   string_agg('(' || term::text || ')', ' & ')::tsquery AS every,
                   (SELECT string_agg(quote_literal(lexeme), ' | ')::tsquery FROM unnest(to_tsvector('english', @excluded))) AS excluded
            FROM terms
        ), holding_every AS (
            SELECT c."Id", ts_rank(c."SearchVector", q.tsq, 32) AS quick
            FROM "DocumentChunks" c
            JOIN "Documents" d ON d."Id" = c."DocumentId"
            CROSS JOIN q
            WHERE c."SearchVector" @@ q.every AND (q.excluded IS NULL OR NOT c."SearchVector" @@ q.excluded) AND {Scope(query)}
            LIMIT @every_window
        ), holding_any AS (
            SELECT c."Id", ts_rank(c."SearchVector", q.tsq, 32) AS quick
            FROM "DocumentChunks" c
            JOIN "Documents" d ON d."Id" = c."DocumentId"
            CROSS JOIN q
            WHERE (SELECT count(*) FROM holding_every) < @prerank_depth
              AND c."SearchVector" @@ q.tsq AND (q.excluded IS NULL OR NOT c."SearchVector" @@ q.excluded) AND {Scope(query)}
            LIMIT @rank_window
        ), pool AS (
            SELECT w."Id"
            FROM (SELECT * FROM holding_every UNION SELECT * FROM holding_any) w
            ORDER BY w.quick DESC
            LIMIT @prerank_depth
        ), held AS (
            SELECT c."Id", c."DocumentId", c."PageStart", ts_rank_cd(c."SearchVector", q.tsq, 32) AS density,
                   ARRAY(SELECT c."SearchVector" @@ t FROM unnest(q.terms) WITH ORDINALITY u(t, n) ORDER BY n) AS holds
            FROM pool r
            JOIN "DocumentChunks" c ON c."Id" = r."Id"
            CROSS JOIN q
        ), rarity AS (
            SELECT i, ln(1 + (pooled - holding + 0.5) / (holding + 0.5)) AS rarity
            FROM (
                SELECT i, count(*) AS pooled, count(*) FILTER (WHERE h.holds[i]) AS holding
                FROM held h CROSS JOIN generate_subscripts((SELECT terms FROM q), 1) i
                GROUP BY i) counts
        ), weights AS MATERIALIZED (
            -- Materialized: inlined, the per-row lookup below would count the pool again for every row.
            SELECT i, rarity * count(*) OVER () / sum(rarity) OVER () AS weight FROM rarity
        )
        SELECT h."Id", h."DocumentId", h."PageStart",
               (coalesce((SELECT sum(w.weight) FROM weights w WHERE h.holds[w.i]), 0) + h.density)::float8 AS score
        FROM held h
        ORDER BY score DESC, h."Id"
        LIMIT @depth
        """;

    // A passage is as near as its own vector or its nearest window (PassageWindow): two HNSW scans,
    // each in relaxed order, which lets a filtered scan go on until it has enough rows.
    private static string SemanticSql(SearchQuery query) => $"""
        WITH nearest AS (
            (SELECT c."Id", c."DocumentId", c."PageStart", c."Embedding" <=> @embedding::vector AS distance
             FROM "DocumentChunks" c
             JOIN "Documents" d ON d."Id" = c."DocumentId"
             WHERE c."Embedding" IS NOT NULL AND {Scope(query)}
             ORDER BY c."Embedding" <=> @embedding::vector
             LIMIT @depth)
            UNION ALL
            (SELECT c."Id", c."DocumentId", c."PageStart", w."Embedding" <=> @embedding::vector
             FROM "PassageWindows" w
             JOIN "DocumentChunks" c ON c."Id" = w."ChunkId"
             JOIN "Documents" d ON d."Id" = c."DocumentId"
             WHERE {Scope(query)}
             ORDER BY w."Embedding" <=> @embedding::vector
             LIMIT @depth)
        )
        SELECT "Id", "DocumentId", "PageStart", min(distance)::float8 AS distance
        FROM nearest
        GROUP BY "Id", "DocumentId", "PageStart"
        ORDER BY distance
        LIMIT @depth
        """;

    private static void AddParameters(NpgsqlParameterCollection parameters, SearchQuery query, KeywordTerms? terms, ReadOnlyMemory<float>? embedding, SearchOptions settings)
    {
        parameters.AddWithValue("tenant", query.TenantId);
        if (terms is not null)
        {
            parameters.AddWithValue("words", terms.Words);
            parameters.AddWithValue("phrases", NpgsqlDbType.Array | NpgsqlDbType.Text, terms.Phrases.ToArray());
            parameters.AddWithValue("stop_words", KeywordTerms.LegalStopWords);
            parameters.AddWithValue("excluded", terms.Excluded);
        }

        parameters.AddWithValue("depth", settings.CandidateDepth);
        parameters.AddWithValue("rank_window", settings.KeywordRankWindow);
        parameters.AddWithValue("prerank_depth", settings.CandidateDepth * PreRankFactor);
        parameters.AddWithValue("every_window", Math.Min(settings.KeywordRankWindow, settings.CandidateDepth * PreRankFactor * EverySampleFactor));
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
    }

    private static ChunkPlace PlaceOf(NpgsqlDataReader reader) => new(reader.GetGuid(1), reader.GetInt32(2));

    private sealed record Passage(Guid ChunkId, Guid DocumentId, string DocumentName, Guid CaseId, int PageStart, int PageEnd, string Text, string Highlight, string[] Citations)
    {
        public static Passage Read(NpgsqlDataReader reader) => new(
            reader.GetGuid(0),
            reader.GetGuid(1),
            reader.GetString(2),
            reader.GetGuid(3),
            reader.GetInt32(4),
            reader.GetInt32(5),
            reader.GetString(6),
            reader.GetString(7),
            reader.GetFieldValue<string[]>(8));

        public SearchHit ToHit(FusedChunk candidate) =>
            new(ChunkId, DocumentId, DocumentName, CaseId, PageStart, PageEnd, Text, Highlight,
                new SearchScore(candidate.Score, candidate.KeywordRank, candidate.KeywordScore, candidate.SemanticRank, candidate.Similarity), Citations);
    }
}
