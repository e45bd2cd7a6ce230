using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManager.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TreatmentMaintenanceIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_TreatmentInterventions_Maintenance",
                table: "TreatmentInterventions",
                columns: new[] { "Mode", "StartDate", "EndDate", "Type", "Medication", "CaseId", "OwnerAgency", "DataCategory", "PersonId" },
                filter: "\"Mode\" = 'Maintenance'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_TreatmentInterventions_Maintenance",
                table: "TreatmentInterventions");
        }
    }
}
