using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManager.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConsentReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "CaseId",
                table: "Reviews",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "ConsentId",
                table: "Reviews",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CaseId",
                table: "Notifications",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<Guid>(
                name: "ConsentId",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_ConsentId",
                table: "Reviews",
                column: "ConsentId",
                unique: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_Reviews_CaseOrConsent",
                table: "Reviews",
                sql: "(\"CaseId\" IS NULL) <> (\"ConsentId\" IS NULL)");

            migrationBuilder.AddForeignKey(
                name: "FK_Reviews_Consents_ConsentId",
                table: "Reviews",
                column: "ConsentId",
                principalTable: "Consents",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Reviews_Consents_ConsentId",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_ConsentId",
                table: "Reviews");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Reviews_CaseOrConsent",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ConsentId",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "ConsentId",
                table: "Notifications");

            migrationBuilder.AlterColumn<Guid>(
                name: "CaseId",
                table: "Reviews",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CaseId",
                table: "Notifications",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
