using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CaseManager.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TreatmentContactsAreHealthData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // DT5, IS2: every entry in the intervention log of a treatment case is health data, whatever its kind.
            migrationBuilder.Sql(
                """
                UPDATE "Interventions" SET "DataCategory" = 'HealthSubstanceMisuse'
                WHERE "Scheme" IN ('AdultTreatment', 'YoungPeopleTreatment') AND "DataCategory" <> 'HealthSubstanceMisuse';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to the category from the kind alone, and keywork (a kind the earlier code does not know) to an office appointment.
            migrationBuilder.Sql(
                """
                UPDATE "Interventions" SET "Type" = 'OfficeAppointment' WHERE "Type" = 'Keywork';
                UPDATE "Interventions" SET "DataCategory" = 'Offending'
                WHERE "Scheme" IN ('AdultTreatment', 'YoungPeopleTreatment') AND "Type" NOT IN ('DrugTest', 'AlcoholTreatmentSession');
                """);
        }
    }
}
