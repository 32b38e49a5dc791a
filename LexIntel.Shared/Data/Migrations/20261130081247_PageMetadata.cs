using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LexIntel.Shared.Data.Migrations
{
    /// <inheritdoc />
    public partial class PageMetadata : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DocketNumber",
                table: "Documents",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "FiledOn",
                table: "Documents",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OcrPageCount",
                table: "Documents",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "DocumentPages",
                columns: table => new
                {
                    DocumentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExtractedByOcr = table.Column<bool>(type: "boolean", nullable: false),
                    Furniture = table.Column<List<string>>(type: "text[]", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentPages", x => new { x.DocumentId, x.Number });
                    table.ForeignKey(
                        name: "FK_DocumentPages_Documents_DocumentId",
                        column: x => x.DocumentId,
                        principalTable: "Documents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Documents_TenantId_DocketNumber",
                table: "Documents",
                columns: new[] { "TenantId", "DocketNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentPages_TenantId",
                table: "DocumentPages",
                column: "TenantId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DocumentPages");

            migrationBuilder.DropIndex(
                name: "IX_Documents_TenantId_DocketNumber",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "DocketNumber",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "FiledOn",
                table: "Documents");

            migrationBuilder.DropColumn(
                name: "OcrPageCount",
                table: "Documents");
        }
    }
}
