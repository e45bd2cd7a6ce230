using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManager.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SharingRightsByReader : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SharingRights_ReaderAgency_PersonId_ValidFrom_ValidTo",
                table: "SharingRights",
                columns: new[] { "ReaderAgency", "PersonId", "ValidFrom", "ValidTo" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SharingRights_ReaderAgency_PersonId_ValidFrom_ValidTo",
                table: "SharingRights");
        }
    }
}
