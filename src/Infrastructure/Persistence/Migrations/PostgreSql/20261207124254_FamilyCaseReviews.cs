using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManager.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class FamilyCaseReviews : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "Reviews",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<Guid>(
                name: "HouseholdId",
                table: "Reviews",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Reviews_HouseholdId",
                table: "Reviews",
                column: "HouseholdId");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Reviews_PersonOrHousehold",
                table: "Reviews",
                sql: "(\"PersonId\" IS NULL) <> (\"HouseholdId\" IS NULL)");

            migrationBuilder.AddForeignKey(
                name: "FK_Reviews_Households_HouseholdId",
                table: "Reviews",
                column: "HouseholdId",
                principalTable: "Households",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Reviews_Households_HouseholdId",
                table: "Reviews");

            migrationBuilder.DropIndex(
                name: "IX_Reviews_HouseholdId",
                table: "Reviews");

            migrationBuilder.DropCheckConstraint(
                name: "CK_Reviews_PersonOrHousehold",
                table: "Reviews");

            migrationBuilder.DropColumn(
                name: "HouseholdId",
                table: "Reviews");

            migrationBuilder.AlterColumn<Guid>(
                name: "PersonId",
                table: "Reviews",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
