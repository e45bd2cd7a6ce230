using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManager.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Claims : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ClaimAllocations",
                columns: table => new
                {
                    Phase = table.Column<int>(type: "integer", nullable: false),
                    Families = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimAllocations", x => x.Phase);
                });

            migrationBuilder.CreateTable(
                name: "ClaimedFamilies",
                columns: table => new
                {
                    Phase = table.Column<int>(type: "integer", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimedFamilies", x => new { x.Phase, x.HouseholdId });
                });

            migrationBuilder.CreateTable(
                name: "Claims",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Phase = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Window = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    AsOf = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PreparedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    PreparedByAgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PreparedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Total = table.Column<int>(type: "integer", nullable: false),
                    Done = table.Column<int>(type: "integer", nullable: false),
                    LastCaseRead = table.Column<Guid>(type: "uuid", nullable: true),
                    ReadyAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SubmittedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Claims", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ClaimLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimId = table.Column<Guid>(type: "uuid", nullable: false),
                    Phase = table.Column<int>(type: "integer", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Slot = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AttachedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FinancialYear = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PreparedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Evidence = table.Column<string>(type: "text", nullable: false),
                    EvidencePartlyHidden = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimLines_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClaimLines_Claims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "Claims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ClaimLines_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ClaimedOutcomes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Phase = table.Column<int>(type: "integer", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Slot = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimId = table.Column<Guid>(type: "uuid", nullable: false),
                    ClaimLineId = table.Column<Guid>(type: "uuid", nullable: false),
                    FinancialYear = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ClaimedOutcomes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ClaimedOutcomes_ClaimLines_ClaimLineId",
                        column: x => x.ClaimLineId,
                        principalTable: "ClaimLines",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimedOutcomes_CaseId_Outcome",
                table: "ClaimedOutcomes",
                columns: new[] { "CaseId", "Outcome" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimedOutcomes_ClaimLineId",
                table: "ClaimedOutcomes",
                column: "ClaimLineId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClaimedOutcomes_Phase_HouseholdId_Slot",
                table: "ClaimedOutcomes",
                columns: new[] { "Phase", "HouseholdId", "Slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClaimLines_CaseId",
                table: "ClaimLines",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimLines_ClaimId_CaseId_Outcome",
                table: "ClaimLines",
                columns: new[] { "ClaimId", "CaseId", "Outcome" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClaimLines_ClaimId_HouseholdId_Slot",
                table: "ClaimLines",
                columns: new[] { "ClaimId", "HouseholdId", "Slot" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ClaimLines_ClaimId_Status_Id",
                table: "ClaimLines",
                columns: new[] { "ClaimId", "Status", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ClaimLines_HouseholdId",
                table: "ClaimLines",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Claims_Phase_Kind_Window",
                table: "Claims",
                columns: new[] { "Phase", "Kind", "Window" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Claims_PreparedByAgency_PreparedAt",
                table: "Claims",
                columns: new[] { "PreparedByAgency", "PreparedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ClaimAllocations");

            migrationBuilder.DropTable(
                name: "ClaimedFamilies");

            migrationBuilder.DropTable(
                name: "ClaimedOutcomes");

            migrationBuilder.DropTable(
                name: "ClaimLines");

            migrationBuilder.DropTable(
                name: "Claims");
        }
    }
}
