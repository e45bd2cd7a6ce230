using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManager.Infrastructure.Persistence.Migrations.PostgreSql
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
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "ConsentId",
                table: "Reviews",
                type: "uuid",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CaseId",
                table: "Notifications",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "ConsentId",
                table: "Notifications",
                type: "uuid",
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
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "CaseId",
                table: "Notifications",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
