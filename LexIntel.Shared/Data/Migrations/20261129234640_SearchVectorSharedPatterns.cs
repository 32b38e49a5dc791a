using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LexIntel.Shared.Data.Migrations
{
    /// <summary>
    /// The search vector's patterns become the ones <c>LegalText</c> shares with query shaping:
    /// ASCII letter classes and spelled-out white space instead of PostgreSQL's locale-dependent
    /// <c>[[:upper:]]</c> and <c>\s</c>, so a passage and a query with a no-break space are closed up alike.
    /// </summary>
    public partial class SearchVectorSharedPatterns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            ReplaceSearchVector(
                migrationBuilder,
                "to_tsvector('english', \"Text\") || to_tsvector('english', regexp_replace(regexp_replace(\"Text\", '([A-Z][A-Za-z]{0,3}\\.)[\\t\\n\\v\\f\\r \\u00A0]+(?=[A-Z][A-Za-z]{0,3}\\.|[0-9]{1,2}(?:d|th|st|nd|rd)(?![A-Za-z0-9_]))', '\\1', 'g'), '§+', ' section ', 'g'))");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ReplaceSearchVector(
                migrationBuilder,
                "to_tsvector('english', \"Text\") || to_tsvector('english', regexp_replace(regexp_replace(\"Text\", '([[:upper:]][[:alpha:]]{0,3}\\.)\\s+(?=[[:upper:]][[:alpha:]]{0,3}\\.|[0-9]{1,2}(d|th|st|nd|rd)\\M)', '\\1', 'g'), '§+', ' section ', 'g'))");
        }

        // PostgreSQL 15 cannot change a generated column's expression: it is dropped and added again.
        // Added with its in-row storage (SearchVectorInline) in the same statement, so the rewrite
        // that computes every row already stores the tsvectors inline.
        private static void ReplaceSearchVector(MigrationBuilder migrationBuilder, string expression)
        {
            migrationBuilder.DropIndex(name: "IX_DocumentChunks_SearchVector", table: "DocumentChunks");
            migrationBuilder.DropColumn(name: "SearchVector", table: "DocumentChunks");
            migrationBuilder.Sql($"""
                ALTER TABLE "DocumentChunks"
                    ADD "SearchVector" tsvector GENERATED ALWAYS AS ({expression}) STORED,
                    ALTER COLUMN "SearchVector" SET STORAGE MAIN;
                """);
            migrationBuilder.CreateIndex(name: "IX_DocumentChunks_SearchVector", table: "DocumentChunks", column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }
    }
}
