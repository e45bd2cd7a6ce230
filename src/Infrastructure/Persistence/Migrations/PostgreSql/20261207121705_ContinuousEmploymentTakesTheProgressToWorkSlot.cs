using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManager.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ContinuousEmploymentTakesTheProgressToWorkSlot : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ClaimedOutcomes_ClaimLineId",
                table: "ClaimedOutcomes");

            migrationBuilder.AddColumn<bool>(
                name: "Primary",
                table: "ClaimedOutcomes",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Rows written before: each is its line's own outcome. A phase-1 continuous employment claimed before now
            // also takes its family's progress-to-work slot (TF3: instead of both), unless that slot was claimed already.
            migrationBuilder.Sql("UPDATE \"ClaimedOutcomes\" SET \"Primary\" = TRUE;");
            migrationBuilder.Sql(
                "INSERT INTO \"ClaimedOutcomes\" (\"Id\", \"Phase\", \"HouseholdId\", \"Slot\", \"Outcome\", \"CaseId\", \"ClaimId\", \"ClaimLineId\", \"FinancialYear\", \"Amount\", \"ClaimedAt\", \"Primary\") " +
                "SELECT gen_random_uuid(), o.\"Phase\", o.\"HouseholdId\", 'ProgressToWork', o.\"Outcome\", o.\"CaseId\", o.\"ClaimId\", o.\"ClaimLineId\", o.\"FinancialYear\", 0, o.\"ClaimedAt\", FALSE " +
                "FROM \"ClaimedOutcomes\" o WHERE o.\"Phase\" = 1 AND o.\"Outcome\" = 'ContinuousEmployment' AND NOT EXISTS " +
                "(SELECT 1 FROM \"ClaimedOutcomes\" p WHERE p.\"Phase\" = 1 AND p.\"HouseholdId\" = o.\"HouseholdId\" AND p.\"Slot\" = 'ProgressToWork');");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimedOutcomes_ClaimLineId_Slot",
                table: "ClaimedOutcomes",
                columns: new[] { "ClaimLineId", "Slot" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ClaimedOutcomes_ClaimLineId_Slot",
                table: "ClaimedOutcomes");

            migrationBuilder.Sql("DELETE FROM \"ClaimedOutcomes\" WHERE \"Primary\" = FALSE;");

            migrationBuilder.DropColumn(
                name: "Primary",
                table: "ClaimedOutcomes");

            migrationBuilder.CreateIndex(
                name: "IX_ClaimedOutcomes_ClaimLineId",
                table: "ClaimedOutcomes",
                column: "ClaimLineId",
                unique: true);
        }
    }
}
