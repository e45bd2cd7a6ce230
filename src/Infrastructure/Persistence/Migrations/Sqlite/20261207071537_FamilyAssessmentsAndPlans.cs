using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManager.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FamilyAssessmentsAndPlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FamilyAssessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerAgency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Strengths = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyAssessments_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FamilyAssessments_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FamilyPlanActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Need = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    ForPersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OwnerAgency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AssignedTo = table.Column<Guid>(type: "TEXT", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CompletionNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CompletedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    AddedByAgency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    AddedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyPlanActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyPlanActions_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FamilyPlanActions_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FamilyPlanActions_People_ForPersonId",
                        column: x => x.ForPersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FamilyAssessmentNeeds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Area = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    OwnerAgency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DataCategory = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FamilyAssessmentNeeds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FamilyAssessmentNeeds_FamilyAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "FamilyAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FamilyAssessmentNeeds_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FamilyAssessmentNeeds_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyAssessmentNeeds_AssessmentId",
                table: "FamilyAssessmentNeeds",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyAssessmentNeeds_CaseId",
                table: "FamilyAssessmentNeeds",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyAssessmentNeeds_HouseholdId",
                table: "FamilyAssessmentNeeds",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyAssessmentNeeds_PersonId",
                table: "FamilyAssessmentNeeds",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyAssessments_CaseId_CompletedOn",
                table: "FamilyAssessments",
                columns: new[] { "CaseId", "CompletedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyAssessments_HouseholdId",
                table: "FamilyAssessments",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyPlanActions_AssignedTo_CompletedOn_DueOn",
                table: "FamilyPlanActions",
                columns: new[] { "AssignedTo", "CompletedOn", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyPlanActions_CaseId_DueOn",
                table: "FamilyPlanActions",
                columns: new[] { "CaseId", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_FamilyPlanActions_ForPersonId",
                table: "FamilyPlanActions",
                column: "ForPersonId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyPlanActions_HouseholdId",
                table: "FamilyPlanActions",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_FamilyPlanActions_OwnerAgency_CompletedOn_DueOn",
                table: "FamilyPlanActions",
                columns: new[] { "OwnerAgency", "CompletedOn", "DueOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FamilyAssessmentNeeds");

            migrationBuilder.DropTable(
                name: "FamilyPlanActions");

            migrationBuilder.DropTable(
                name: "FamilyAssessments");
        }
    }
}
