using CaseManager.Application.Cases;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Households;
using CaseManager.Application.Households.AddHouseholdMember;
using CaseManager.Application.Households.RecordHousehold;
using CaseManager.Application.Outcomes;
using CaseManager.Application.Outcomes.RecordAsb;
using CaseManager.Application.Outcomes.RecordEmployment;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Households;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.TestSupport;

namespace CaseManager.Web.FunctionalTests;

/// <summary>Troubled Families pages: the eligibility checklist on a family case's page and the coordinator's list.</summary>
public sealed partial class PageTests
{
    private async Task<CaseView> TroubledFamilyAsync(string name)
    {
        var household = new HouseholdId((await factory.SendAsAsync<HouseholdView>(DemoUsers.FitKeyworker, new RecordHouseholdCommand(name, null))).Id);
        var mother = new PersonId((await factory.SendAsAsync<PersonDetailsView>(DemoUsers.FitKeyworker, new RegisterPersonCommand("Mother", name, new DateOnly(1983, 2, 1)))).Id);
        await factory.SendAsAsync<HouseholdMemberView>(DemoUsers.FitKeyworker, new AddHouseholdMemberCommand(household, mother, Relationship.ParentCarer, new DateOnly(2024, 1, 1)));
        await factory.SendAsAsync<AsbRecordView>(DemoUsers.FitKeyworker, new RecordAsbCommand(mother, AsbKind.HousingIntervention, new DateOnly(2026, 9, 14), "Tenancy warning"));
        await factory.SendAsAsync<EmploymentRecordView>(DemoUsers.FitKeyworker, new RecordEmploymentCommand(mother, EmploymentKind.OutOfWorkBenefit, new DateOnly(2025, 1, 6), Benefit: BenefitType.Esa));
        return await factory.SendAsAsync<CaseView>(DemoUsers.FitKeyworker, new OpenCaseCommand(Scheme.TroubledFamilies, default, new DateOnly(2026, 10, 1), HouseholdId: household));
    }

    [Fact]
    public async Task FamilyCasePage_ShowsEligibilityAsAChecklistWithEvidenceAndWhatIsMissing()
    {
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);
        var familyCase = await TroubledFamilyAsync("Checklist");

        var page = await fit.GetStringAsync($"/cases/{familyCase.Id}");

        page.Should().Contain("data-testid=\"eligibility-criteria-1\"").And.Contain("data-testid=\"eligibility-criteria-2\"");
        page.Should().Contain("data-testid=\"criterion-1-CrimeAsb\"").And.Contain("Housing intervention").And.Contain("On Esa since 6 January 2025");
        page.Should().Contain("Missing: A child permanently excluded");
        page.Should().Contain("Not eligible: 2 of the 3 national criteria met").And.Contain("records you may see");
        page.Should().Contain("Eligible: 2 of the 6 headline problems");
    }

    [Fact]
    public async Task TroubledFamiliesPage_ListsTheAttachedFamily_InEitherPhase()
    {
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);
        var familyCase = await TroubledFamilyAsync("Listed");

        var phase1 = await fit.GetStringAsync("/troubled-families");
        var phase2 = await fit.GetStringAsync("/troubled-families?phase=2&asOf=2026-11-20");

        phase1.Should().Contain($"/cases/{familyCase.Id}#eligibility").And.Contain("Not eligible");
        phase2.Should().Contain($"/cases/{familyCase.Id}#eligibility").And.Contain("in phase 2 as at 20 November 2026");
        phase2.Should().Contain("href=\"/troubled-families?handler=Export&amp;phase=2&amp;asOf=2026-11-20\"");
    }

    [Fact]
    public async Task TroubledFamiliesPage_DownloadsTheListAsCsv()
    {
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);
        var familyCase = await TroubledFamilyAsync("Downloaded");

        var csv = await fit.GetAsync("/troubled-families?handler=Export&phase=2&asOf=2026-11-20");

        csv.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        (await csv.Content.ReadAsStringAsync()).Should().Contain($"Downloaded,{familyCase.HouseholdId}").And.Contain(familyCase.Id.ToString());
    }
}
