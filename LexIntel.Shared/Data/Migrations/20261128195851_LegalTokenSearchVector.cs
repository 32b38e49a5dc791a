using Microsoft.EntityFrameworkCore.Migrations;
using NpgsqlTypes;

#nullable disable

namespace LexIntel.Shared.Data.Migrations
{
    /// <inheritdoc />
    public partial class LegalTokenSearchVector : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // PostgreSQL 15 cannot change a generated column's expression: drop it and add it again.
            ReplaceSearchVector(migrationBuilder, "to_tsvector('english', \"Text\") || to_tsvector('english', regexp_replace(regexp_replace(\"Text\", '([[:upper:]][[:alpha:]]{0,3}\\.)\\s+(?=[[:upper:]][[:alpha:]]{0,3}\\.|[0-9]{1,2}(d|th|st|nd|rd)\\M)', '\\1', 'g'), '§+', ' section ', 'g'))");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            ReplaceSearchVector(migrationBuilder, "to_tsvector('english', coalesce(\"Text\", ''))");
        }

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
            migrationBuilder.CreateIndex(name: "IX_DocumentChunks_SearchVector", table: "DocumentChunks", column: "SearchVector")
                .Annotation("Npgsql:IndexMethod", "GIN");
        }
    }
}
