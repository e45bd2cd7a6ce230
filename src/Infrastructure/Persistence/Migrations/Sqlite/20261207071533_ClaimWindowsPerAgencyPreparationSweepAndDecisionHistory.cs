using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManager.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ClaimWindowsPerAgencyPreparationSweepAndDecisionHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Claims_Phase_Kind_Window",
                table: "Claims");

            migrationBuilder.AddColumn<long>(
                name: "CancelledAt",
                table: "Claims",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CancelledBy",
                table: "Claims",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PreparationActiveAt",
                table: "Claims",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Requeues",
                table: "Claims",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ClaimLineDecisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClaimLineId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    By = table.Column<Guid>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimLineDecisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimLineDecisions_ClaimLines_ClaimLineId",
                        column: x => x.ClaimLineId,
                        principalTable: "ClaimLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClaimLineDecisions_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // Claims prepared before this migration: their preparation last moved when it started, and each line's
            // decision so far is its first recorded one (the line's id serves as the decision's).
            migrationBuilder.Sql("UPDATE \"Claims\" SET \"PreparationActiveAt\" = \"PreparedAt\";");
            migrationBuilder.Sql(
                "INSERT INTO \"ClaimLineDecisions\" (\"Id\", \"ClaimId\", \"ClaimLineId\", \"Outcome\", \"Status\", \"By\", \"Note\", \"At\") " +
                "SELECT \"Id\", \"ClaimId\", \"Id\", \"Outcome\", \"Status\", \"DecidedBy\", \"Note\", \"DecidedAt\" FROM \"ClaimLines\" WHERE \"DecidedBy\" IS NOT NULL;");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_PreparedByAgency_Phase_Kind_Window",
                table: "Claims",
                columns: new[] { "PreparedByAgency", "Phase", "Kind", "Window" },
                unique: true,
                filter: "\"Status\" <> 'Cancelled'");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Status_PreparationActiveAt",
                table: "Claims",
                columns: new[] { "Status", "PreparationActiveAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimLineDecisions_ClaimId_At_Id",
                table: "ClaimLineDecisions",
                columns: new[] { "ClaimId", "At", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimLineDecisions_ClaimLineId",
                table: "ClaimLineDecisions",
                column: "ClaimLineId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClaimLineDecisions");

            migrationBuilder.DropIndex(
                name: "IX_Claims_PreparedByAgency_Phase_Kind_Window",
                table: "Claims");

            migrationBuilder.DropIndex(
                name: "IX_Claims_Status_PreparationActiveAt",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "CancelledBy",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "PreparationActiveAt",
                table: "Claims");

            migrationBuilder.DropColumn(
                name: "Requeues",
                table: "Claims");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Phase_Kind_Window",
                table: "Claims",
                columns: new[] { "Phase", "Kind", "Window" },
                unique: true);
        }
    }
}
