using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManager.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TreatmentReportCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_TreatmentEpisodes_OwnerAgency_DischargedOn_Counts",
                table: "TreatmentEpisodes",
                columns: new[] { "OwnerAgency", "DischargedOn", "StartDate", "Service", "OpiateClient", "SuccessfulCompletion", "DataCategory", "PersonId", "CaseId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TreatmentEpisodes_OwnerAgency_DischargedOn_Counts",
                table: "TreatmentEpisodes");
        }
    }
}
