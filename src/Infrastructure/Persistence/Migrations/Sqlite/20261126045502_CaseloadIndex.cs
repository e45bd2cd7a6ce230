using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManager.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseloadIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_Scheme_Status_StartDate_OwnerAgency_DataCategory_PersonId",
                table: "Cases",
                columns: new[] { "Scheme", "Status", "StartDate", "OwnerAgency", "DataCategory", "PersonId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Scheme_Status_StartDate_OwnerAgency_DataCategory_PersonId",
                table: "Cases");
        }
    }
}
