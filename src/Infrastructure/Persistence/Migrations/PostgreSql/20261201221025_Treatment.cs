using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManager.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Treatment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TopRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Scheme = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OwnerAgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DataCategory = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Stage = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Answers_AcuteHousingProblem = table.Column<bool>(type: "boolean", nullable: true),
                    Answers_AlcoholDays = table.Column<int>(type: "integer", nullable: true),
                    Answers_AlcoholUnitsPerDay = table.Column<int>(type: "integer", nullable: true),
                    Answers_AmphetamineDays = table.Column<int>(type: "integer", nullable: true),
                    Answers_AssaultDays = table.Column<int>(type: "integer", nullable: true),
                    Answers_CannabisDays = table.Column<int>(type: "integer", nullable: true),
                    Answers_CocaineDays = table.Column<int>(type: "integer", nullable: true),
                    Answers_CrackDays = table.Column<int>(type: "integer", nullable: true),
                    Answers_DrugSellingDays = table.Column<int>(type: "integer", nullable: true),
                    Answers_EducationDays = table.Column<int>(type: "integer", nullable: true),
                    Answers_FraudDays = table.Column<int>(type: "integer", nullable: true),
                    Answers_InjectedDays = table.Column<int>(type: "integer", nullable: true),
                    Answers_OpiateDays = table.Column<int>(type: "integer", nullable: true),
                    Answers_OtherSubstanceDays = table.Column<int>(type: "integer", nullable: true),
                    Answers_OtherSubstanceName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Answers_OtherTheftDays = table.Column<int>(type: "integer", nullable: true),
                    Answers_PaidWorkDays = table.Column<int>(type: "integer", nullable: true),
                    Answers_PhysicalHealth = table.Column<int>(type: "integer", nullable: true),
                    Answers_PsychologicalHealth = table.Column<int>(type: "integer", nullable: true),
                    Answers_QualityOfLife = table.Column<int>(type: "integer", nullable: true),
                    Answers_RiskOfEviction = table.Column<bool>(type: "boolean", nullable: true),
                    Answers_SharedNeedles = table.Column<bool>(type: "boolean", nullable: true),
                    Answers_SharedParaphernalia = table.Column<bool>(type: "boolean", nullable: true),
                    Answers_ShopliftingDays = table.Column<int>(type: "integer", nullable: true),
                    Answers_TobaccoDays = table.Column<int>(type: "integer", nullable: true),
                    Answers_VehicleTheftDays = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TopRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TopRecords_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TopRecords_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TreatmentEpisodes",
                columns: table => new
                {
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Service = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OwnerAgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DataCategory = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ReferralDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ReferralSource = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TriageDate = table.Column<DateOnly>(type: "date", nullable: true),
                    PrimarySubstance = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SecondarySubstance = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    TertiarySubstance = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    InjectingStatus = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    OpiateClient = table.Column<bool>(type: "boolean", nullable: false),
                    DischargedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DischargeReason = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    SuccessfulCompletion = table.Column<bool>(type: "boolean", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatmentEpisodes", x => x.CaseId);
                    table.ForeignKey(
                        name: "FK_TreatmentEpisodes_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TreatmentEpisodes_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TreatmentInterventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Scheme = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OwnerAgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DataCategory = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Medication = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TreatmentInterventions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TreatmentInterventions_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TreatmentInterventions_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_TopRecords_CaseId_CompletedOn",
                table: "TopRecords",
                columns: new[] { "CaseId", "CompletedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TopRecords_PersonId_CompletedOn",
                table: "TopRecords",
                columns: new[] { "PersonId", "CompletedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentEpisodes_PersonId_StartDate",
                table: "TreatmentEpisodes",
                columns: new[] { "PersonId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentEpisodes_Service_DischargedOn",
                table: "TreatmentEpisodes",
                columns: new[] { "Service", "DischargedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentEpisodes_Service_StartDate",
                table: "TreatmentEpisodes",
                columns: new[] { "Service", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentInterventions_CaseId_StartDate",
                table: "TreatmentInterventions",
                columns: new[] { "CaseId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_TreatmentInterventions_PersonId_StartDate",
                table: "TreatmentInterventions",
                columns: new[] { "PersonId", "StartDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TopRecords");

            migrationBuilder.DropTable(
                name: "TreatmentEpisodes");

            migrationBuilder.DropTable(
                name: "TreatmentInterventions");
        }
    }
}
