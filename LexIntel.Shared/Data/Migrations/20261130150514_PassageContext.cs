using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace LexIntel.Shared.Data.Migrations
{
    /// <summary>
    /// Each passage's context header (the document's caption, its section's heading), indexed for
    /// full-text search with the passage. Passages written before keep an empty header until their
    /// document is processed again.
    /// </summary>
    public partial class PassageContext : Migration
    {
        private const string WithContext = "to_tsvector('english', \"Text\") || to_tsvector('english', regexp_replace(regexp_replace(\"Text\", '([A-Z][A-Za-z]{0,3}\\.)[\\t\\n\\v\\f\\r \\u00A0]+(?=[A-Z][A-Za-z]{0,3}\\.|[0-9]{1,2}(?:d|th|st|nd|rd)(?![A-Za-z0-9_]))', '\\1', 'g'), '§+', ' section ', 'g')) || to_tsvector('english', regexp_replace(regexp_replace(\"Context\", '([A-Z][A-Za-z]{0,3}\\.)[\\t\\n\\v\\f\\r \\u00A0]+(?=[A-Z][A-Za-z]{0,3}\\.|[0-9]{1,2}(?:d|th|st|nd|rd)(?![A-Za-z0-9_]))', '\\1', 'g'), '§+', ' section ', 'g'))";

        private const string WithoutContext = "to_tsvector('english', \"Text\") || to_tsvector('english', regexp_replace(regexp_replace(\"Text\", '([A-Z][A-Za-z]{0,3}\\.)[\\t\\n\\v\\f\\r \\u00A0]+(?=[A-Z][A-Za-z]{0,3}\\.|[0-9]{1,2}(?:d|th|st|nd|rd)(?![A-Za-z0-9_]))', '\\1', 'g'), '§+', ' section ', 'g'))";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Context",
                table: "DocumentChunks",
                type: "text",
                nullable: false,
                defaultValue: "");

            ReplaceSearchVector(migrationBuilder, WithContext);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ReplaceSearchVector(migrationBuilder, WithoutContext);
            migrationBuilder.DropColumn(name: "Context", table: "DocumentChunks");
        }

        /// <summary>
        /// PostgreSQL 15 cannot change a generated column's expression: dropped and added again, with
        /// its GIN index and in-row storage (migration SearchVectorInline).
        /// </summary>
        private static void ReplaceSearchVector(MigrationBuilder migrationBuilder, string expression)
        {
            migrationBuilder.DropIndex(name: "IX_DocumentChunks_SearchVector", table: "DocumentChunks");
            migrationBuilder.DropColumn(name: "SearchVector", table: "DocumentChunks");
            migrationBuilder.AddColumn<NpgsqlTsVector>(
                name: "SearchVector",
                table: "DocumentChunks",
                type: "tsvector",
                nullable: true,
                computedColumnSql: expression,
                stored: true);
            migrationBuilder.Sql("""ALTER TABLE "DocumentChunks" ALTER COLUMN "SearchVector" SET STORAGE MAIN;""");
            migrationBuilder.CreateIndex(name: "IX_DocumentChunks_SearchVector", table: "DocumentChunks", column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }
    }
}
