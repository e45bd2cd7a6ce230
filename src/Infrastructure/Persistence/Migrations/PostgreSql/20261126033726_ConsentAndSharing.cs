using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManager.Infrastructure.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ConsentAndSharing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BreakGlassGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserAgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Justification = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RiskCategory = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    GrantedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReviewedBy = table.Column<Guid>(type: "uuid", nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReviewOutcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    ReviewNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    PersonInformed = table.Column<bool>(type: "boolean", nullable: true),
                    PersonInformedNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BreakGlassGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BreakGlassGrants_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Scheme = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    OwnerAgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DataCategory = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ExitedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AllocatedTo = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cases_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Consents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerAgency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    DataCategory = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Purpose = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    GivenBy = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    RecordedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Evidence = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    RecordedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawnBy = table.Column<Guid>(type: "uuid", nullable: true),
                    WithdrawalReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Consents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Consents_People_PersonId",
                        column: x => x.PersonId,
                        principalTable: "People",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SharingAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LawfulBasis = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    SpecialCategoryCondition = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Gateway = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    ConsentRequired = table.Column<bool>(type: "boolean", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharingAgreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ConsentCategories",
                columns: table => new
                {
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ConsentId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentCategories", x => new { x.ConsentId, x.Category });
                    table.ForeignKey(
                        name: "FK_ConsentCategories_Consents_ConsentId",
                        column: x => x.ConsentId,
                        principalTable: "Consents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsentRecipients",
                columns: table => new
                {
                    Agency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ConsentId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsentRecipients", x => new { x.ConsentId, x.Agency });
                    table.ForeignKey(
                        name: "FK_ConsentRecipients_Consents_ConsentId",
                        column: x => x.ConsentId,
                        principalTable: "Consents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SharingAgreementAgencies",
                columns: table => new
                {
                    Agency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharingAgreementAgencies", x => new { x.AgreementId, x.Agency });
                    table.ForeignKey(
                        name: "FK_SharingAgreementAgencies_SharingAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "SharingAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SharingAgreementCategories",
                columns: table => new
                {
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharingAgreementCategories", x => new { x.AgreementId, x.Category });
                    table.ForeignKey(
                        name: "FK_SharingAgreementCategories_SharingAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "SharingAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SharingAgreementPurposes",
                columns: table => new
                {
                    Scheme = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SharingAgreementPurposes", x => new { x.AgreementId, x.Scheme });
                    table.ForeignKey(
                        name: "FK_SharingAgreementPurposes_SharingAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "SharingAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BreakGlassGrants_PersonId_UserId_ExpiresAtUtc",
                table: "BreakGlassGrants",
                columns: new[] { "PersonId", "UserId", "ExpiresAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_BreakGlassGrants_ReviewedAt",
                table: "BreakGlassGrants",
                column: "ReviewedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OwnerAgency_Status",
                table: "Cases",
                columns: new[] { "OwnerAgency", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_PersonId_Scheme_Status",
                table: "Cases",
                columns: new[] { "PersonId", "Scheme", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Consents_PersonId_Purpose_Status",
                table: "Consents",
                columns: new[] { "PersonId", "Purpose", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SharingAgreementAgencies_Agency",
                table: "SharingAgreementAgencies",
                column: "Agency");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BreakGlassGrants");

            migrationBuilder.DropTable(
                name: "Cases");

            migrationBuilder.DropTable(
                name: "ConsentCategories");

            migrationBuilder.DropTable(
                name: "ConsentRecipients");

            migrationBuilder.DropTable(
                name: "SharingAgreementAgencies");

            migrationBuilder.DropTable(
                name: "SharingAgreementCategories");

            migrationBuilder.DropTable(
                name: "SharingAgreementPurposes");

            migrationBuilder.DropTable(
                name: "Consents");

            migrationBuilder.DropTable(
                name: "SharingAgreements");
        }
    }
}
