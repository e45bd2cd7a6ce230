using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CaseManager.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class CaseReaders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_OwnerAgency_Status",
                table: "Cases");

            migrationBuilder.CreateTable(
                name: "CaseReaders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReaderAgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Scheme = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ValidFrom = table.Column<int>(type: "integer", nullable: false),
                    ValidTo = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseReaders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseReaders_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OwnerAgency_Status_Scheme",
                table: "Cases",
                columns: new[] { "OwnerAgency", "Status", "Scheme" });

            migrationBuilder.CreateIndex(
                name: "IX_BreakGlassGrants_UserId_ExpiresAtUtc",
                table: "BreakGlassGrants",
                columns: new[] { "UserId", "ExpiresAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseReaders_CaseId_ReaderAgency_ValidFrom_ValidTo",
                table: "CaseReaders",
                columns: new[] { "CaseId", "ReaderAgency", "ValidFrom", "ValidTo" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseReaders_ReaderAgency_Scheme_Status_ValidTo_ValidFrom",
                table: "CaseReaders",
                columns: new[] { "ReaderAgency", "Scheme", "Status", "ValidTo", "ValidFrom" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseReaders");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OwnerAgency_Status_Scheme",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_BreakGlassGrants_UserId_ExpiresAtUtc",
                table: "BreakGlassGrants");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OwnerAgency_Status",
                table: "Cases",
                columns: new[] { "OwnerAgency", "Status" });
        }
    }
}
