using Aspire.Hosting.Testing;
using LexIntel.Shared.Search;
using Npgsql;

namespace LexIntel.Tests.EndToEnd;

/// <summary>Passages are indexed by PostgreSQL and queries shaped by C#; both must read legal text alike.</summary>
[Tier(TestTier.EndToEnd)]
[Collection(LexIntelAppCollection.Name)]
public sealed class SearchVectorTests(LexIntelAppFixture fixture)
{
    // The passage's context header is indexed with it, shaped the same way.
    private const string PassageContext = "ORDER GRANTING MOTION · Tessera v. Toshiba · N. D. Cal., No. 15-cv-02543 · § 2. Background";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("Twombly, 550 U.S. 544 (2007)")]
    [InlineData("Twombly, 550 U. S. 544 (2007)")]
    [InlineData("Roe v. Wade, 410 U.\u00a0S. 113")]
    [InlineData("Roe v. Wade, 410 U.\nS. 113")]
    [InlineData("42 U. S. C. § 1983")]
    [InlineData("42 U.S.C. §§ 1983-1985")]
    [InlineData("Fed. R. Civ. P. 12(b)(6)")]
    [InlineData("Fed. R. Evid. 702")]
    [InlineData("No. 21-50498 (5th Cir. Dec. 1, 2022)")]
    [InlineData("566 F. 3d 1012; 123 F. Supp. 2d 45")]
    [InlineData("So. 2d 123, N. E. 2d 45, Cal. App. 4th 9, Ill. 2dx")]
    public async Task The_stored_search_vector_reads_legal_text_as_queries_do(string text)
    {
        await using var connection = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync("lexintel", Cancel));
        await connection.OpenAsync(Cancel);

        // A scratch copy of the chunk table with its generated column: the expression tested is the one migrations left in the database.
        await using (var create = new NpgsqlCommand("""CREATE TEMP TABLE probe (LIKE "DocumentChunks" INCLUDING GENERATED)""", connection))
        {
            await create.ExecuteNonQueryAsync(Cancel);
        }

        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO probe ("Id", "DocumentId", "Ordinal", "Text", "Context", "PageStart", "PageEnd", "CharStart", "CharEnd")
            VALUES (gen_random_uuid(), gen_random_uuid(), 0, $1, $3, 1, 1, 0, 0)
            RETURNING "SearchVector"::text, (to_tsvector('english', $1) || to_tsvector('english', $2) || to_tsvector('english', $4))::text
            """,
            connection)
        {
            Parameters =
            {
                new() { Value = text },
                new() { Value = LegalText.ForFullTextSearch(text) },
                new() { Value = PassageContext },
                new() { Value = LegalText.ForFullTextSearch(PassageContext) },
            },
        };
        await using var reader = await insert.ExecuteReaderAsync(Cancel);
        Assert.True(await reader.ReadAsync(Cancel));

        Assert.Equal(reader.GetString(1), reader.GetString(0));
    }

    [Fact]
    public async Task The_search_vector_is_stored_in_the_row()
    {
        await using var connection = new NpgsqlConnection(await fixture.App.GetConnectionStringAsync("lexintel", Cancel));
        await connection.OpenAsync(Cancel);
        await using var command = new NpgsqlCommand(
            """SELECT attstorage FROM pg_attribute WHERE attrelid = '"DocumentChunks"'::regclass AND attname = 'SearchVector'""",
            connection);

        Assert.Equal('m', await command.ExecuteScalarAsync(Cancel));
    }
}
