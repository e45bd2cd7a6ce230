using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManager.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PartnershipReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Interventions_DataCategory_OccurredAt",
                table: "Interventions",
                columns: new[] { "DataCategory", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AsbRecords_Kind_OccurredOn",
                table: "AsbRecords",
                columns: new[] { "Kind", "OccurredOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Interventions_DataCategory_OccurredAt",
                table: "Interventions");

            migrationBuilder.DropIndex(
                name: "IX_AsbRecords_Kind_OccurredOn",
                table: "AsbRecords");
        }
    }
}
