using System.Net;
using System.Text.RegularExpressions;
using CaseManager.Application.Households;
using CaseManager.Application.Households.AddHouseholdMember;
using CaseManager.Application.Households.GetHousehold;
using CaseManager.Application.Households.RecordHousehold;
using CaseManager.Application.Outcomes;
using CaseManager.Application.Outcomes.RecordAsb;
using CaseManager.Application.Outcomes.RecordEmployment;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Domain.Households;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.TestSupport;

namespace CaseManager.Web.FunctionalTests;

/// <summary>The household pages (DOMAIN.md FAM1–FAM3, TF1, TF4): list, record, summary, members, enrolment, timeline and eligibility.</summary>
public sealed partial class PageTests
{
    private async Task<(HouseholdId Household, PersonId Mother)> HouseholdWithMotherAsync(string name)
    {
        var household = new HouseholdId((await factory.SendAsAsync<HouseholdView>(DemoUsers.FitKeyworker, new RecordHouseholdCommand($"{name} family", null))).Id);
        var mother = await PersonAsync("Mother", name, new DateOnly(1983, 2, 1));
        await factory.SendAsAsync<HouseholdMemberView>(DemoUsers.FitKeyworker, new AddHouseholdMemberCommand(household, mother, Relationship.ParentCarer, new DateOnly(2024, 1, 1)));
        return (household, mother);
    }

    private async Task<PersonId> PersonAsync(string given, string family, DateOnly born) =>
        new((await factory.SendAsAsync<PersonDetailsView>(DemoUsers.FitKeyworker, new RegisterPersonCommand(given, family, born))).Id);

    private Task<HouseholdView> HouseholdAsync(HouseholdId id) => factory.SendAsAsync<HouseholdView>(DemoUsers.FitKeyworker, new GetHouseholdQuery(id));

    [Fact]
    public async Task HouseholdsPages_RecordAHousehold_ListItAndFindItByAMembersName()
    {
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);

        var list = await fit.GetStringAsync("/households");
        var tooLong = await PostFormAsync(fit, "/households/create", new() { ["Input.Name"] = new string('x', 201) });
        var recorded = await PostFormAsync(fit, "/households/create", new() { ["Input.Name"] = "Recordedpage family", ["Input.Address"] = "1 High Row" });

        list.Should().Contain("href=\"/households/create\"");
        tooLong.StatusCode.Should().Be(HttpStatusCode.OK, "the form comes back with the error summary");
        (await tooLong.Content.ReadAsStringAsync()).Should().Contain("govuk-error-summary").And.Contain("200 characters or fewer");
        recorded.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = Guid.Parse(recorded.Headers.Location!.ToString().Split('/')[^1]);
        var summary = await fit.GetStringAsync($"/households/{id}");
        summary.Should().Contain("Recordedpage family").And.Contain("1 High Row").And.Contain($"/households/{id}/members/add")
            .And.Contain($"/households/{id}/cases/open").And.Contain($"/households/{id}/timeline").And.Contain($"/households/{id}/eligibility");
        (await fit.GetStringAsync("/households?search=recordedpage")).Should().Contain($"/households/{id}\"");
        (await fit.GetStringAsync($"/households?search={new string('x', 201)[..100]}")).Should().Contain("No households found", "the long name was not recorded");

        var (byMember, _) = await HouseholdWithMotherAsync("Membersearch");
        (await fit.GetStringAsync("/households?search=mother%20membersearch")).Should().Contain($"/households/{byMember.Value}\"");
    }

    [Fact]
    public async Task HouseholdPages_ForAnAgencyThatMayNotSeeTheHousehold_AreNotFound_AndItIsNotListed()
    {
        var police = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);
        var (household, mother) = await HouseholdWithMotherAsync("Hiddenpages");
        var member = (await HouseholdAsync(household)).Members.Single().MemberId;

        foreach (var path in new[]
        {
            $"/households/{household.Value}", $"/households/{household.Value}/members/add", $"/households/{household.Value}/members/{member}/end",
            $"/households/{household.Value}/cases/open", $"/households/{household.Value}/timeline", $"/households/{household.Value}/eligibility",
        })
        {
            (await police.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.NotFound, path);
        }

        (await police.GetStringAsync("/households?search=hiddenpages")).Should().Contain("No households found");
        (await police.GetAsync($"/people/{mother.Value}/households")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ChangePages_ForAUserWhoMayNotWriteCaseData_AreRefused()
    {
        var claims = await SignedInBrowserAsync(DemoUsers.ClaimsOfficer);
        var (household, _) = await HouseholdWithMotherAsync("Refusedwriter");

        var create = await claims.GetAsync("/households/create");
        var add = await claims.GetAsync($"/households/{household.Value}/members/add");

        create.StatusCode.Should().Be(HttpStatusCode.Redirect);
        create.Headers.Location!.ToString().Should().Contain("/forbidden");
        add.Headers.Location!.ToString().Should().Contain("/forbidden");
    }

    [Fact]
    public async Task AddMemberPage_FindsThePerson_ListsEveryErrorAtOnce_AndChangesNothingOnBadInput()
    {
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);
        var (household, _) = await HouseholdWithMotherAsync("Addmemberpage");
        var father = await PersonAsync("Father", "Addmemberpage", new DateOnly(1980, 7, 3));
        var path = $"/households/{household.Value}/members/add";

        var found = await fit.GetStringAsync($"{path}?search=father%20addmemberpage");
        var bad = await PostFormAsync(fit, $"{path}?search=father%20addmemberpage", new()
        {
            ["Input.PersonId"] = father.Value.ToString(),
            ["Input.From.Day"] = "1",
            ["Input.From.Month"] = "6",
            ["Input.From.Year"] = "2025",
            ["Input.To.Day"] = "1",
            ["Input.To.Month"] = "5",
            ["Input.To.Year"] = "2025",
        });
        // FAM2: a person over 25 is not recorded as a child of the household.
        var child = await PostFormAsync(fit, $"{path}?search=father%20addmemberpage", new()
        {
            ["Input.PersonId"] = father.Value.ToString(),
            ["Input.Relationship"] = "Child",
            ["Input.From.Day"] = "1",
            ["Input.From.Month"] = "6",
            ["Input.From.Year"] = "2025",
        });

        found.Should().Contain("Father Addmemberpage, born 3 July 1980").And.Contain($"value=\"{father.Value}\"");
        bad.StatusCode.Should().Be(HttpStatusCode.OK);
        var badHtml = await bad.Content.ReadAsStringAsync();
        badHtml.Should().Contain("govuk-error-summary").And.Contain("Select the member&#x27;s relationship").And.Contain("A membership cannot end before it starts");
        badHtml.Should().Contain($"value=\"{father.Value}\" checked", "the person chosen stays chosen");
        (await child.Content.ReadAsStringAsync()).Should().Contain("govuk-error-summary").And.Contain("is not recorded as a child");
        (await HouseholdAsync(household)).Members.Should().ContainSingle("nothing was added");

        var added = await PostFormAsync(fit, $"{path}?search=father%20addmemberpage", new()
        {
            ["Input.PersonId"] = father.Value.ToString(),
            ["Input.Relationship"] = "Partner",
            ["Input.From.Day"] = "1",
            ["Input.From.Month"] = "6",
            ["Input.From.Year"] = "2025",
        });
        added.StatusCode.Should().Be(HttpStatusCode.Redirect);
        added.Headers.Location!.ToString().Should().Be($"/households/{household.Value}");
        var summary = await fit.GetStringAsync($"/households/{household.Value}");
        summary.Should().Contain("Father Addmemberpage").And.Contain("Partner").And.Contain("1 June 2025");
    }

    [Fact]
    public async Task EndMemberPage_RecordsTheLastDay_AndRefusesAnEndBeforeTheStart()
    {
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);
        var (household, _) = await HouseholdWithMotherAsync("Endmemberpage");
        var member = (await HouseholdAsync(household)).Members.Single().MemberId;
        var path = $"/households/{household.Value}/members/{member}/end";

        (await fit.GetStringAsync($"/households/{household.Value}")).Should().Contain(path);
        var early = await PostFormAsync(fit, path, new() { ["Input.To.Day"] = "31", ["Input.To.Month"] = "12", ["Input.To.Year"] = "2023" });
        var empty = await PostFormAsync(fit, path, new());

        (await early.Content.ReadAsStringAsync()).Should().Contain("govuk-error-summary").And.Contain("A membership cannot end before it starts");
        (await empty.Content.ReadAsStringAsync()).Should().Contain("govuk-error-summary").And.Contain("Enter the last day the person was a member");
        (await HouseholdAsync(household)).Members.Single().To.Should().BeNull("nothing was changed");

        var ended = await PostFormAsync(fit, path, new() { ["Input.To.Day"] = "30", ["Input.To.Month"] = "9", ["Input.To.Year"] = "2026" });
        ended.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await HouseholdAsync(household)).Members.Single().To.Should().Be(new DateOnly(2026, 9, 30));
        (await fit.GetStringAsync($"/households/{household.Value}")).Should().Contain("30 September 2026").And.NotContain(path);
    }

    [Fact]
    public async Task OpenCasePage_ListsEveryErrorAtOnce_ThenEnrolsTheHouseholdInSeveralSchemes()
    {
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);
        var (household, _) = await HouseholdWithMotherAsync("Enrolpage");
        var path = $"/households/{household.Value}/cases/open";

        var form = await fit.GetStringAsync(path);
        var empty = await PostFormAsync(fit, path, new());
        var lead = Regex.Match(form, "<option value=\"([0-9a-f-]{36})\"[^>]*>Jo Pearson</option>").Groups[1].Value;

        form.Should().Contain("value=\"Fit\"").And.Contain("value=\"HighImpactHousehold\"").And.Contain("value=\"TroubledFamilies\"").And.NotContain("value=\"Iom\"");
        var emptyHtml = await empty.Content.ReadAsStringAsync();
        emptyHtml.Should().Contain("govuk-error-summary").And.Contain("Select the scheme").And.Contain("Enter the start date");
        (await HouseholdAsync(household)).Cases.Should().BeEmpty("nothing was opened");

        foreach (var scheme in new[] { "Fit", "TroubledFamilies" })
        {
            var opened = await PostFormAsync(fit, path, new()
            {
                ["Input.Scheme"] = scheme,
                ["Input.LeadProfessional"] = lead,
                ["Input.StartDate.Day"] = "1",
                ["Input.StartDate.Month"] = "10",
                ["Input.StartDate.Year"] = "2026",
            });
            opened.StatusCode.Should().Be(HttpStatusCode.Redirect, scheme);
        }

        var again = await PostFormAsync(fit, path, new()
        {
            ["Input.Scheme"] = "Fit",
            ["Input.LeadProfessional"] = lead,
            ["Input.StartDate.Day"] = "2",
            ["Input.StartDate.Month"] = "10",
            ["Input.StartDate.Year"] = "2026",
        });
        (await again.Content.ReadAsStringAsync()).Should().Contain("govuk-error-summary").And.Contain("already in Fit");
        var cases = (await HouseholdAsync(household)).Cases;
        cases.Select(c => c.Scheme).Should().BeEquivalentTo(["Fit", "TroubledFamilies"]);
        cases.Should().OnlyContain(c => c.LeadProfessional == Guid.Parse(lead));
        var summary = await fit.GetStringAsync($"/households/{household.Value}");
        summary.Should().Contain($"/cases/{cases[0].Id}").And.Contain($"/cases/{cases[1].Id}");
        (await fit.GetStringAsync($"/cases/{cases[0].Id}")).Should().Contain($"/households/{household.Value}/timeline");
    }

    [Fact]
    public async Task TimelinePage_FiltersByMemberAndAgency_WithAGetForm_AndRefusesAnUnknownAgency()
    {
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);
        var (household, mother) = await HouseholdWithMotherAsync("Timelinepage");
        await factory.SendAsAsync<AsbRecordView>(DemoUsers.FitKeyworker, new RecordAsbCommand(mother, AsbKind.HousingIntervention, new DateOnly(2026, 9, 14), "Tenancy warning"));
        var path = $"/households/{household.Value}/timeline";

        var all = await fit.GetStringAsync(path);
        var byMember = await fit.GetStringAsync($"{path}?member={mother.Value}&agency=FIT");
        var otherAgency = await fit.GetStringAsync($"{path}?agency=POLICE");
        var unknown = await fit.GetStringAsync($"{path}?agency=NOPE");

        all.Should().Contain("data-testid=\"timeline-filters\"").And.Contain("Tenancy warning").And.Contain("About: Mother Timelinepage");
        byMember.Should().Contain("Tenancy warning").And.Contain($"value=\"{mother.Value}\" selected");
        otherAgency.Should().Contain("data-testid=\"empty-timeline\"").And.NotContain("Tenancy warning");
        unknown.Should().Contain("govuk-error-summary").And.Contain("Select an agency of the partnership");
    }

    [Fact]
    public async Task EligibilityPage_ShowsBothPhasesAsAChecklistWithEvidence_AsAtADay_ForAHouseholdNotAttached()
    {
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);
        var (household, mother) = await HouseholdWithMotherAsync("Eligiblepage");
        await factory.SendAsAsync<AsbRecordView>(DemoUsers.FitKeyworker, new RecordAsbCommand(mother, AsbKind.HousingIntervention, new DateOnly(2026, 9, 14), "Tenancy warning"));
        await factory.SendAsAsync<EmploymentRecordView>(DemoUsers.FitKeyworker, new RecordEmploymentCommand(mother, EmploymentKind.OutOfWorkBenefit, new DateOnly(2025, 1, 6), Benefit: BenefitType.Esa));
        var path = $"/households/{household.Value}/eligibility";

        var today = await fit.GetStringAsync(path);
        var before = await fit.GetStringAsync($"{path}?asOf=2026-09-01");
        var bad = await fit.GetStringAsync($"{path}?asOf=2026-02-30");
        var future = await fit.GetStringAsync($"{path}?asOf=2999-01-01");
        var list = await fit.GetStringAsync("/troubled-families?phase=2");

        // TF4: two of the six headline problems (ASB and worklessness) make the family eligible in phase 2.
        today.Should().Contain("data-testid=\"eligibility-not-attached\"").And.Contain("data-testid=\"criterion-1-CrimeAsb\"")
            .And.Contain("Eligible: 2 of the 6 headline problems").And.Contain("Housing intervention").And.Contain($"/people/{mother.Value}")
            .And.Contain("Missing: A child permanently excluded");
        before.Should().Contain("value=\"2026-09-01\"").And.NotContain("Eligible: 2 of the 6 headline problems", "the ASB record is dated after that day");
        bad.Should().Contain("govuk-error-summary").And.Contain("real date").And.NotContain("data-testid=\"eligibility-criteria-1\"");
        future.Should().Contain("govuk-error-summary").And.Contain("The date cannot be in the future");
        list.Should().Contain($"/households/{household.Value}/eligibility?asOf=");
    }

    [Fact]
    public async Task PersonPage_LinksToTheirHouseholds_WhichLinkOnlyToHouseholdsTheReaderMayOpen()
    {
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);
        var (household, mother) = await HouseholdWithMotherAsync("Personlinks");

        var person = await fit.GetStringAsync($"/people/{mother.Value}");
        var households = await fit.GetStringAsync($"/people/{mother.Value}/households");

        person.Should().Contain($"/people/{mother.Value}/households");
        households.Should().Contain($"href=\"/households/{household.Value}\"").And.Contain("Parent or carer").And.Contain("1 January 2024");
        (await fit.GetAsync($"/households/{household.Value}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task DemoMarshFamily_IsOneHighImpactHousehold_WithSeveralAgenciesInvolved()
    {
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);

        var list = await fit.GetStringAsync("/households?search=marsh");
        var id = Regex.Match(list, "href=\"/households/([0-9a-f-]{36})\"[^>]*>The Marsh family<").Groups[1].Value;
        var summary = await fit.GetStringAsync($"/households/{id}");
        var caseId = Regex.Match(summary, "href=\"/cases/([0-9a-f-]{36})\"").Groups[1].Value;
        var plan = await fit.GetStringAsync($"/cases/{caseId}/plan");
        var timeline = await fit.GetStringAsync($"/households/{id}/timeline?agency=FIT");
        var housing = await fit.GetStringAsync($"/households/{id}/timeline?agency=HOUSING");

        summary.Should().Contain("Dawn Marsh").And.Contain("Jayden Marsh").And.Contain("Chloe Marsh").And.Contain("High impact households");
        plan.Should().Contain("Tenancy sustainment plan").And.Contain("Neighbourhood team joint visit").And.Contain("Child in need review for Chloe");
        timeline.Should().Contain("About: The family").And.NotContain("data-testid=\"empty-timeline\"");
        housing.Should().Contain("data-testid=\"empty-timeline\"", "Dawn's consent does not cover the housing tenancy warning's data for FIT");
    }
}
