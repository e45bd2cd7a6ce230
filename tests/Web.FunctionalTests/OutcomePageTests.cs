using System.Net;
using CaseManager.Application.Consents;
using CaseManager.Application.Consents.RecordConsent;
using CaseManager.Application.Outcomes;
using CaseManager.Application.Outcomes.ListEmployment;
using CaseManager.Application.Outcomes.RecordAsb;
using CaseManager.Application.Outcomes.RecordEducation;
using CaseManager.Application.Outcomes.RecordEmployment;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;
using CaseManager.Domain.Outcomes;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.FunctionalTests;

/// <summary>
/// The person page's ASB, education and work-and-benefits parts and their record pages, and the family case's local
/// criterion page (DOMAIN.md TF1 (a)–(d)): each sends the API's command or query, so the access rule (IS7) decides
/// what is listed, every error is listed at once and nothing is stored, and only writers are offered the forms.
/// </summary>
public sealed partial class PageTests
{
    /// <summary>
    /// A member of a household on a FIT case (IS7b) who agreed that the drug and alcohol team may see who they are and their education, work
    /// and benefits (the Think Family agreement, with consent: IS7 (2)). Consent names DAAT only, so nothing DAAT
    /// records on them is shared with FIT; and the agreement has no offending data, so no ASB record is shared at all.
    /// </summary>
    private async Task<PersonId> SharedWithDaatAsync(string name)
    {
        var person = await factory.RegisterAsync(name, "Partner", new DateOnly(1986, 4, 5));
        var household = await factory.RecordHouseholdAsync(name);
        await factory.AddMemberAsync(household, person, Relationship.ParentCarer, new DateOnly(2025, 1, 1));
        await factory.OpenFamilyCaseAsync(household, new DateOnly(2026, 10, 1), Scheme.Fit);
        await factory.SendAsAsync<ConsentView>(DemoUsers.FitKeyworker, new RecordConsentCommand(
            person, Scheme.Fit, ["DAAT"], [DataCategory.Identity, DataCategory.EducationEmploymentBenefits], ConsentStatus.Given, ConsentGivenBy.Self,
            new DateOnly(2026, 10, 1), new DateOnly(2027, 10, 1), null));
        return person;
    }

    private static Dictionary<string, string> Date(string field, string day, string month, string year) => new()
    {
        [$"Input.{field}.Day"] = day,
        [$"Input.{field}.Month"] = month,
        [$"Input.{field}.Year"] = year,
    };

    private static Dictionary<string, string> Form(params Dictionary<string, string>[] parts) =>
        parts.SelectMany(p => p).ToDictionary(p => p.Key, p => p.Value);

    [Fact]
    public async Task RecordAsb_Valid_SavesAndReturnsToTheAsbPartWithABanner()
    {
        var person = await SharedWithDaatAsync("Asbsaved");
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);
        var part = await fit.GetStringAsync($"/people/{person}?section=asb");
        part.Should().Contain("data-testid=\"no-asb\"").And.Contain($"href=\"/people/{person}/asb/record\"");

        var response = await PostFormAsync(fit, $"/people/{person}/asb/record", Form(
            new() { ["Input.Kind"] = "AcceptableBehaviourContract", ["Input.Description"] = "Signed with the housing officer" },
            Date("OccurredOn", "2", "11", "2026")));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be($"/people/{person}?section=asb");
        var shown = await fit.GetStringAsync(response.Headers.Location!.ToString());
        shown.Should().Contain("Anti-social behaviour recorded: Acceptable behaviour contract on 2 November 2026");
        shown.Should().Contain("data-testid=\"asb-row\"").And.Contain("Signed with the housing officer").And.Contain("2 November 2026");
        var stored = await factory.QueryDbAsync(db => db.AsbRecords.SingleAsync(r => r.PersonId == person));
        stored.Kind.Should().Be(AsbKind.AcceptableBehaviourContract);
        stored.OwnerAgency.Value.Should().Be("FIT");
    }

    [Fact]
    public async Task RecordAsb_WithSeveralBadFields_ListsEveryErrorAtOnceAndStoresNothing()
    {
        var person = await SharedWithDaatAsync("Asberrors");
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);

        var response = await PostFormAsync(fit, $"/people/{person}/asb/record", Form(
            new() { ["Input.Description"] = new string('d', 501) },
            Date("OccurredOn", "31", "2", "2026")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var summary = ErrorSummaryOf(html);
        summary.Should().Contain("href=\"#Input_Kind\"").And.Contain("Select the kind of record");
        summary.Should().Contain("href=\"#Input_OccurredOn_Day\"").And.Contain("The date must be a real date");
        summary.Should().Contain("href=\"#Input_Description\"").And.Contain("The description must be 500 characters or fewer");
        html.Should().Contain("value=\"31\"", "the answers are kept");
        (await factory.QueryDbAsync(db => db.AsbRecords.CountAsync(r => r.PersonId == person))).Should().Be(0);
    }

    [Fact]
    public async Task RecordEducation_ATermsAttendanceAndAnExclusion_AreSavedAndListed()
    {
        var person = await SharedWithDaatAsync("Educationsaved");
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);
        var form = await fit.GetStringAsync($"/people/{person}/education/record");
        form.Should().Contain("data-cm-reveals=\"education-date education-days education-term\"")
            .And.Contain("value=\"2026-Autumn\"").And.Contain("Autumn 2026");

        var attendance = await PostFormAsync(fit, $"/people/{person}/education/record", Form(
            new() { ["Input.Kind"] = "TermAttendance", ["Input.Term"] = "2026-Summer", ["Input.SessionsPossible"] = "120", ["Input.UnauthorisedAbsenceSessions"] = "18" },
            Date("On", "", "", "")));
        var exclusion = await PostFormAsync(fit, $"/people/{person}/education/record", Form(
            new() { ["Input.Kind"] = "FixedTermExclusion", ["Input.Days"] = "3", ["Input.Term"] = "", ["Input.SessionsPossible"] = "", ["Input.UnauthorisedAbsenceSessions"] = "" },
            Date("On", "5", "10", "2026")));

        attendance.StatusCode.Should().Be(HttpStatusCode.Redirect);
        exclusion.StatusCode.Should().Be(HttpStatusCode.Redirect);
        exclusion.Headers.Location!.ToString().Should().Be($"/people/{person}?section=education");
        var shown = await fit.GetStringAsync($"/people/{person}?section=education");
        shown.Should().Contain("Education recorded: Fixed-term exclusion, 5 October 2026");
        shown.Should().Contain("Summer 2026").And.Contain("18 of 120 sessions missed without authority (15%)");
        shown.Should().Contain("Fixed-term exclusion").And.Contain("3 days");
        (await factory.QueryDbAsync(db => db.EducationRecords.CountAsync(r => r.PersonId == person))).Should().Be(2);
    }

    [Fact]
    public async Task RecordEducation_WithSeveralBadFields_ListsEveryErrorAtOnceAndStoresNothing()
    {
        var person = await SharedWithDaatAsync("Educationerrors");
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);

        // A term's attendance with no term, sessions that are not numbers, and a date it does not take (as posted without JavaScript).
        var response = await PostFormAsync(fit, $"/people/{person}/education/record", Form(
            new() { ["Input.Kind"] = "TermAttendance", ["Input.Term"] = "", ["Input.SessionsPossible"] = "lots", ["Input.UnauthorisedAbsenceSessions"] = "-3", ["Input.Days"] = "" },
            Date("On", "1", "10", "2026")));
        var noKind = await PostFormAsync(fit, $"/people/{person}/education/record", Form(
            new() { ["Input.Term"] = "2026-Spring", ["Input.SessionsPossible"] = "100", ["Input.UnauthorisedAbsenceSessions"] = "101" },
            Date("On", "", "", "")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var summary = ErrorSummaryOf(html);
        summary.Should().Contain("href=\"#Input_On_Day\"").And.Contain("Leave the date empty: it is not asked for a term&#x27;s attendance");
        summary.Should().Contain("href=\"#Input_Term\"").And.Contain("Enter the term");
        summary.Should().Contain("href=\"#Input_SessionsPossible\"").And.Contain("Sessions possible must be a whole number");
        summary.Should().Contain("href=\"#Input_UnauthorisedAbsenceSessions\"").And.Contain("Unauthorised absences must be a whole number");
        html.Should().Contain("class=\"cm-conditional\" id=\"education-term\"").And.Contain("class=\"cm-conditional\" id=\"education-date\"", "a block with an error stays shown")
            .And.Contain("class=\"cm-conditional cm-conditional--hidden\" id=\"education-days\"", "a term's attendance does not reveal the days");
        var second = ErrorSummaryOf(await noKind.Content.ReadAsStringAsync());
        second.Should().Contain("href=\"#Input_Kind\"").And.Contain("Select the kind of record");
        second.Should().Contain("href=\"#Input_UnauthorisedAbsenceSessions\"").And.Contain("Unauthorised absences cannot be more than the sessions possible");
        (await factory.QueryDbAsync(db => db.EducationRecords.CountAsync(r => r.PersonId == person))).Should().Be(0);
    }

    [Fact]
    public async Task RecordEmployment_ThenEndTheSpell_SavesBothAndListsTheEnd()
    {
        var person = await SharedWithDaatAsync("Employmentsaved");
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);

        var recorded = await PostFormAsync(fit, $"/people/{person}/employment/record", Form(
            new() { ["Input.Kind"] = "OutOfWorkBenefit", ["Input.Benefit"] = "Jsa", ["Input.Detail"] = "Signing on at the jobcentre" },
            Date("From", "6", "1", "2025"), Date("To", "", "", "")));

        recorded.StatusCode.Should().Be(HttpStatusCode.Redirect);
        recorded.Headers.Location!.ToString().Should().Be($"/people/{person}?section=employment");
        var part = await fit.GetStringAsync($"/people/{person}?section=employment");
        part.Should().Contain("Out-of-work benefit from 6 January 2025 recorded");
        part.Should().Contain("Out-of-work benefit: Jobseeker&#x27;s Allowance").And.Contain("Ongoing").And.Contain("Signing on at the jobcentre");
        var spell = await factory.QueryDbAsync(db => db.EmploymentRecords.SingleAsync(r => r.PersonId == person));
        var endPath = $"/people/{person}/employment/{spell.Id}/end";
        part.Should().Contain($"href=\"{endPath}\"");

        var early = await PostFormAsync(fit, endPath, Date("To", "31", "12", "2024"));
        var ended = await PostFormAsync(fit, endPath, Date("To", "30", "6", "2026"));

        ErrorSummaryOf(await early.Content.ReadAsStringAsync()).Should().Contain("The end date cannot be before the start date");
        ended.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var after = await fit.GetStringAsync($"/people/{person}?section=employment");
        after.Should().Contain("ended on 30 June 2026").And.Contain("30 June 2026").And.NotContain($"href=\"{endPath}\"", "an ended spell is not ended again");
        (await factory.QueryDbAsync(db => db.EmploymentRecords.SingleAsync(r => r.PersonId == person))).To.Should().Be(new DateOnly(2026, 6, 30));
    }

    [Fact]
    public async Task RecordEmployment_WithSeveralBadFields_ListsEveryErrorAtOnceAndStoresNothing()
    {
        var person = await SharedWithDaatAsync("Employmenterrors");
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);

        var response = await PostFormAsync(fit, $"/people/{person}/employment/record", Form(
            new() { ["Input.Kind"] = "InWork", ["Input.Benefit"] = "Esa", ["Input.Detail"] = new string('d', 201) },
            Date("From", "", "", ""), Date("To", "31", "4", "2026")));
        var noBenefit = await PostFormAsync(fit, $"/people/{person}/employment/record", Form(
            new() { ["Input.Kind"] = "OutOfWorkBenefit" },
            Date("From", "1", "12", "2026"), Date("To", "", "", "")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var summary = ErrorSummaryOf(await response.Content.ReadAsStringAsync());
        summary.Should().Contain("href=\"#Input_Benefit\"").And.Contain("Only an out-of-work benefit spell has a benefit");
        summary.Should().Contain("href=\"#Input_From_Day\"").And.Contain("Enter the start date");
        summary.Should().Contain("href=\"#Input_To_Day\"").And.Contain("The end date must be a real date");
        summary.Should().Contain("href=\"#Input_Detail\"").And.Contain("The detail must be 200 characters or fewer");
        var second = ErrorSummaryOf(await noBenefit.Content.ReadAsStringAsync());
        second.Should().Contain("Select the out-of-work benefit").And.Contain("The start date cannot be in the future");
        (await factory.QueryDbAsync(db => db.EmploymentRecords.CountAsync(r => r.PersonId == person))).Should().Be(0);
    }

    [Fact]
    public async Task OutcomeParts_ListOnlyRecordsTheReaderMaySee_AndOfferTheEndOfASpellOnlyToItsAgency()
    {
        var person = await SharedWithDaatAsync("Notshared");
        await factory.SendAsAsync<AsbRecordView>(DemoUsers.FitKeyworker, new RecordAsbCommand(person, AsbKind.Warning, new DateOnly(2026, 10, 3), "Warning by FIT"));
        await factory.SendAsAsync<AsbRecordView>(DemoUsers.DaatWorker, new RecordAsbCommand(person, AsbKind.Incident, new DateOnly(2026, 10, 4), "Incident seen by DAAT"));
        await factory.SendAsAsync<EducationRecordView>(DemoUsers.FitKeyworker, new RecordEducationCommand(person, EducationKind.NotOnRoll, new DateOnly(2026, 9, 1)));
        await factory.SendAsAsync<EducationRecordView>(DemoUsers.DaatWorker, new RecordEducationCommand(person, EducationKind.PermanentExclusion, new DateOnly(2026, 10, 1)));
        await factory.SendAsAsync<EmploymentRecordView>(DemoUsers.FitKeyworker, new RecordEmploymentCommand(person, EmploymentKind.WorkProgramme, new DateOnly(2026, 2, 1), Detail: "Programme by FIT"));
        await factory.SendAsAsync<EmploymentRecordView>(DemoUsers.DaatWorker, new RecordEmploymentCommand(person, EmploymentKind.InWork, new DateOnly(2026, 3, 1), Detail: "Cafe job known to DAAT"));
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);
        var daat = await SignedInBrowserAsync(DemoUsers.DaatWorker);

        var fitAsb = await fit.GetStringAsync($"/people/{person}?section=asb");
        var fitEducation = await fit.GetStringAsync($"/people/{person}?section=education");
        var fitEmployment = await fit.GetStringAsync($"/people/{person}?section=employment");
        var daatAsb = await daat.GetStringAsync($"/people/{person}?section=asb");
        var daatEducation = await daat.GetStringAsync($"/people/{person}?section=education");
        var daatEmployment = await daat.GetStringAsync($"/people/{person}?section=employment");

        // IS7: DAAT's records are not shared with FIT (consent names DAAT only), and no ASB is shared (no agreement has it).
        fitAsb.Should().Contain("Warning by FIT").And.NotContain("Incident seen by DAAT");
        daatAsb.Should().Contain("Incident seen by DAAT").And.NotContain("Warning by FIT");
        fitEducation.Should().Contain("Not on a school roll").And.NotContain("Permanent exclusion");
        daatEducation.Should().Contain("Not on a school roll").And.Contain("Permanent exclusion");
        fitEmployment.Should().Contain("Programme by FIT").And.NotContain("Cafe job known to DAAT");
        daatEmployment.Should().Contain("Programme by FIT").And.Contain("Cafe job known to DAAT");
        var daatSpells = await factory.SendAsAsync<CaseManager.Application.Common.Paging.Paged<EmploymentRecordView>>(DemoUsers.DaatWorker, new ListEmploymentQuery(person));
        var fitsSpell = daatSpells.Items.Single(s => s.OwnerAgency == "FIT").Id;
        var daatsSpell = daatSpells.Items.Single(s => s.OwnerAgency == "DAAT").Id;
        daatEmployment.Should().Contain($"/employment/{daatsSpell}/end").And.NotContain($"/employment/{fitsSpell}/end", "only the agency that recorded a spell ends it");
        (await daat.GetAsync($"/people/{person}/employment/{fitsSpell}/end")).Headers.Location!.ToString().Should().Contain("/forbidden");
        (await fit.GetAsync($"/people/{person}/employment/{daatsSpell}/end")).StatusCode.Should().Be(HttpStatusCode.NotFound, "FIT may not see DAAT's spell");
    }

    [Fact]
    public async Task OutcomeForms_ForAReaderWhoMayNotWrite_AreRefusedAndNotOffered()
    {
        var familyCase = await TroubledFamilyAsync("Readonly");
        var mother = await factory.QueryDbAsync(db => db.People.Where(p => p.FamilyName == "Readonly").Select(p => p.Id).SingleAsync());
        var claims = await SignedInBrowserAsync(DemoUsers.ClaimsOfficer);

        // The claims officer reads the family under the demo's Troubled Families agreement, but may not write case data.
        var part = await claims.GetStringAsync($"/people/{mother}?section=asb");
        var casePage = await claims.GetStringAsync($"/cases/{familyCase.Id}");
        part.Should().Contain("Tenancy warning").And.NotContain("data-testid=\"record-asb\"");
        (await claims.GetStringAsync($"/people/{mother}?section=education")).Should().NotContain("data-testid=\"record-education\"");
        (await claims.GetStringAsync($"/people/{mother}?section=employment")).Should().NotContain("data-testid=\"record-employment\"").And.NotContain("data-testid=\"end-employment\"");
        casePage.Should().Contain("data-testid=\"family-links\"").And.NotContain("data-testid=\"record-local-criterion\"");
        foreach (var path in new[] { "asb/record", "education/record", "employment/record" })
        {
            (await claims.GetAsync($"/people/{mother}/{path}")).Headers.Location!.ToString().Should().Contain("/forbidden", path);
        }

        var posted = await PostFormAsync(claims, $"/people/{mother}/asb/record",
            Form(new() { ["Input.Kind"] = "Incident" }, Date("OccurredOn", "1", "11", "2026")), tokenPage: "/");
        var criterion = await PostFormAsync(claims, $"/cases/{familyCase.Id}/local-criteria/record",
            new() { ["Input.Criterion"] = "RiskOfEviction", ["Input.Evidence"] = "Notice seeking possession" }, tokenPage: "/");

        posted.Headers.Location!.ToString().Should().Contain("/forbidden");
        criterion.Headers.Location!.ToString().Should().Contain("/forbidden");
        (await factory.QueryDbAsync(db => db.AsbRecords.CountAsync(r => r.PersonId == mother))).Should().Be(1, "only the FIT keyworker's record");
        (await factory.QueryDbAsync(db => db.LocalCriterionRecords.CountAsync(r => r.CaseId == new CaseId(familyCase.Id)))).Should().Be(0);
    }

    [Fact]
    public async Task RecordLocalCriterion_Valid_SavesItAndTheChecklistShowsItAsEvidence()
    {
        var familyCase = await TroubledFamilyAsync("Localcriterion");
        var mother = await factory.QueryDbAsync(db => db.People.Where(p => p.FamilyName == "Localcriterion").Select(p => p.Id).SingleAsync());
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);
        var casePage = await fit.GetStringAsync($"/cases/{familyCase.Id}");
        casePage.Should().Contain($"href=\"/cases/{familyCase.Id}/local-criteria/record\"");
        var form = await fit.GetStringAsync($"/cases/{familyCase.Id}/local-criteria/record");
        form.Should().Contain("value=\"RiskOfEviction\"").And.Contain("At risk of eviction").And.Contain("The whole family")
            .And.Contain($"value=\"{mother.Value}\"");

        var response = await PostFormAsync(fit, $"/cases/{familyCase.Id}/local-criteria/record", Form(
            new() { ["Input.Criterion"] = "RiskOfEviction", ["Input.PersonId"] = mother.Value.ToString(), ["Input.Evidence"] = "Notice seeking possession served" },
            Date("On", "20", "11", "2026")));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be($"/cases/{familyCase.Id}#eligibility");
        var after = await fit.GetStringAsync($"/cases/{familyCase.Id}");
        after.Should().Contain("Local criterion recorded: At risk of eviction");
        after.Should().Contain("data-testid=\"criterion-1-Local\"").And.Contain("Local criterion");
        var stored = await factory.QueryDbAsync(db => db.LocalCriterionRecords.SingleAsync(r => r.CaseId == new CaseId(familyCase.Id)));
        stored.Criterion.Should().Be("RiskOfEviction");
        stored.PersonId.Should().Be(mother);
        stored.On.Should().Be(new DateOnly(2026, 11, 20));
    }

    [Fact]
    public async Task RecordLocalCriterion_WithSeveralBadFields_ListsEveryErrorAtOnceAndStoresNothing_AndIsNotFoundForAnAgencyThatCannotReadTheCase()
    {
        var familyCase = await TroubledFamilyAsync("Localerrors");
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);
        var police = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var response = await PostFormAsync(fit, $"/cases/{familyCase.Id}/local-criteria/record", Form(
            new() { ["Input.Criterion"] = "", ["Input.PersonId"] = "", ["Input.Evidence"] = "  " },
            Date("On", "1", "1", "2027")));
        var stranger = await factory.SendAsAsync<PersonDetailsView>(DemoUsers.FitKeyworker, new RegisterPersonCommand("Stranger", "Localerrors", new DateOnly(1990, 1, 1)));
        var notMember = await PostFormAsync(fit, $"/cases/{familyCase.Id}/local-criteria/record", Form(
            new() { ["Input.Criterion"] = "ChildProtectionPlan", ["Input.PersonId"] = stranger.Id.ToString(), ["Input.Evidence"] = "Plan" },
            Date("On", "", "", "")));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var summary = ErrorSummaryOf(await response.Content.ReadAsStringAsync());
        summary.Should().Contain("href=\"#Input_Criterion\"").And.Contain("Select the criterion");
        summary.Should().Contain("href=\"#Input_On_Day\"").And.Contain("The date cannot be in the future");
        summary.Should().Contain("href=\"#Input_Evidence\"").And.Contain("Enter the evidence");
        notMember.StatusCode.Should().Be(HttpStatusCode.OK);
        ErrorSummaryOf(await notMember.Content.ReadAsStringAsync()).Should().Contain("member");
        (await police.GetAsync($"/cases/{familyCase.Id}/local-criteria/record")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await factory.QueryDbAsync(db => db.LocalCriterionRecords.CountAsync(r => r.CaseId == new CaseId(familyCase.Id)))).Should().Be(0);
    }
}
