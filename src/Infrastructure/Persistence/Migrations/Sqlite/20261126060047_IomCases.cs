using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CaseManager.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class IomCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CustodyEstablishment",
                table: "Cases",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CustodyExpectedRelease",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "InCustody",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IomCohort",
                table: "Cases",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IomMappa",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IomPanelNote",
                table: "Cases",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IomPpo",
                table: "Cases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "IomPredictedReoffendingRate",
                table: "Cases",
                type: "TEXT",
                precision: 5,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IomSelectionReason",
                table: "Cases",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IomSelectionScore",
                table: "Cases",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IomTier",
                table: "Cases",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "NextReviewDue",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ExitNominations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Evidence = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NominatedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    NominatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DecidedBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DecisionNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExitNominations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExitNominations_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Interventions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Scheme = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OwnerAgency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DataCategory = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DrugTestResult = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Substances = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Interventions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Interventions_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Interventions_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OffenceTypes",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UnitCost = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    PriceYear = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffenceTypes", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Offences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerAgency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DataCategory = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OffenceType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CommittedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ConvictedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Offences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Offences_OffenceTypes_OffenceType",
                        column: x => x.OffenceType,
                        principalTable: "OffenceTypes",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Offences_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "OffenceTypes",
                columns: new[] { "Code", "Name", "PriceYear", "UnitCost", "Version" },
                values: new object[,]
                {
                    { "BreachOfOrder", "Breach of a court order or licence", null, null, 0 },
                    { "BurglaryDwelling", "Burglary in a dwelling", 2003, 3268m, 0 },
                    { "CommonAssault", "Common assault", 2003, 1440m, 0 },
                    { "CriminalDamage", "Criminal damage", 2003, 866m, 0 },
                    { "DrugPossession", "Possession of drugs", null, null, 0 },
                    { "DrugSupply", "Supply of drugs", null, null, 0 },
                    { "DrunkAndDisorderly", "Drunk and disorderly", null, null, 0 },
                    { "Fraud", "Fraud and forgery", null, null, 0 },
                    { "Other", "Other offence", null, null, 0 },
                    { "PublicOrder", "Public order", null, null, 0 },
                    { "Robbery", "Robbery", 2003, 7282m, 0 },
                    { "SexualOffences", "Sexual offences", 2003, 31438m, 0 },
                    { "Theft", "Theft (including shoplifting)", 2003, 844m, 0 },
                    { "VehicleCrime", "Vehicle crime", null, null, 0 },
                    { "ViolenceAgainstThePerson", "Violence against the person", 2003, 10407m, 0 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AllocatedTo_Status",
                table: "Cases",
                columns: new[] { "AllocatedTo", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ExitNominations_CaseId",
                table: "ExitNominations",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Interventions_CaseId_OccurredAt",
                table: "Interventions",
                columns: new[] { "CaseId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Interventions_PersonId_OccurredAt",
                table: "Interventions",
                columns: new[] { "PersonId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Offences_OffenceType",
                table: "Offences",
                column: "OffenceType");

            migrationBuilder.CreateIndex(
                name: "IX_Offences_PersonId_CommittedOn",
                table: "Offences",
                columns: new[] { "PersonId", "CommittedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ExitNominations");

            migrationBuilder.DropTable(
                name: "Interventions");

            migrationBuilder.DropTable(
                name: "Offences");

            migrationBuilder.DropTable(
                name: "OffenceTypes");

            migrationBuilder.DropIndex(
                name: "IX_Cases_AllocatedTo_Status",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CustodyEstablishment",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CustodyExpectedRelease",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "InCustody",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "IomCohort",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "IomMappa",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "IomPanelNote",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "IomPpo",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "IomPredictedReoffendingRate",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "IomSelectionReason",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "IomSelectionScore",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "IomTier",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "NextReviewDue",
                table: "Cases");
        }
    }
}
