using System.Net;
using CaseManager.Domain.Cases;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.FunctionalTests;

/// <summary>
/// The TOP question pages (DT3): four short pages and check your answers, plain form posts that work without
/// JavaScript; each page lists all its errors at once and a page with errors changes nothing; the Change links come
/// back to the check page; only the owning agency's workers and managers record a TOP.
/// </summary>
public sealed partial class PageTests
{
    private static readonly Dictionary<string, string> StartOnFirstOfJune = new()
    {
        ["Stage"] = "Start",
        ["CompletedOn.Day"] = "1",
        ["CompletedOn.Month"] = "6",
        ["CompletedOn.Year"] = "2026",
    };

    /// <summary>Posts one TOP page; the antiforgery token is read from the first page, which always answers.</summary>
    private static Task<HttpResponseMessage> PostTopAsync(HttpClient client, Guid caseId, string query, Dictionary<string, string> fields) =>
        PostFormAsync(client, $"/cases/{caseId}/treatment/top?{query}", new Dictionary<string, string>(fields), $"/cases/{caseId}/treatment/top?step=1");

    private Task<int> TopCountAsync(Guid caseId) => factory.QueryDbAsync(db => db.TopRecords.CountAsync(t => t.CaseId == new CaseId(caseId)));

    [Fact]
    public async Task TopPages_AsQuestionPages_AskStageAndDateThenSubstancesThenInjectingAndCrimeThenHealth()
    {
        var daat = await SignedInBrowserAsync(DemoUsers.DaatWorker);
        var opened = await TreatmentCaseThroughThePageAsync(daat, "QuestionPages");
        var top = $"/cases/{opened.Id}/treatment/top";

        var first = await daat.GetStringAsync($"{top}?step=1");
        await PostTopAsync(daat, opened.Id, "step=1", StartOnFirstOfJune);
        var substances = await daat.GetStringAsync($"{top}?step=2");
        var crime = await daat.GetStringAsync($"{top}?step=3");
        var health = await daat.GetStringAsync($"{top}?step=4");

        first.Should().Contain("About this TOP").And.Contain("step 1 of 4").And.Contain("name=\"Stage\"").And.NotContain("Answers[");
        substances.Should().Contain("step 2 of 4").And.Contain("Answers[OpiateDays]").And.Contain("Answers[TobaccoDays]").And.NotContain("Answers[InjectedDays]");
        crime.Should().Contain("step 3 of 4").And.Contain("Answers[InjectedDays]").And.Contain("Answers[SharedNeedles]").And.Contain("Answers[AssaultDays]")
            .And.NotContain("Answers[QualityOfLife]");
        health.Should().Contain("step 4 of 4").And.Contain("Answers[PsychologicalHealth]").And.Contain("Answers[QualityOfLife]")
            .And.Contain("Answers[PaidWorkDays]").And.Contain("Answers[RiskOfEviction]").And.NotContain("Answers[OpiateDays]");
        var check = await daat.GetStringAsync($"{top}?step=5");
        new[] { first, substances, crime, health, check }.Should().AllSatisfy(page => TopForm(page).Should().Contain("name=\"__RequestVerificationToken\"",
            "the form posts without JavaScript, so it carries its own antiforgery token"));
    }

    [Fact]
    public async Task TopPages_ListEveryErrorOfAPageAtOnce_AndAPageWithErrorsChangesNothing()
    {
        var daat = await SignedInBrowserAsync(DemoUsers.DaatWorker);
        var opened = await TreatmentCaseThroughThePageAsync(daat, "AllErrors");
        var top = $"/cases/{opened.Id}/treatment/top";

        var emptyFirst = await PostTopAsync(daat, opened.Id, "step=1", new() { ["CompletedOn.Day"] = "31", ["CompletedOn.Month"] = "2", ["CompletedOn.Year"] = "2026" });
        await PostTopAsync(daat, opened.Id, "step=1", StartOnFirstOfJune);
        await PostTopAsync(daat, opened.Id, "step=2", new() { ["Answers[OpiateDays]"] = "25" });
        var badSubstances = await PostTopAsync(daat, opened.Id, "step=2", new() { ["Answers[OpiateDays]"] = "30", ["Answers[CrackDays]"] = "many", ["Answers[AlcoholUnitsPerDay]"] = "-1" });
        var badHealth = await PostTopAsync(daat, opened.Id, "step=4", new() { ["Answers[PhysicalHealth]"] = "21", ["Answers[QualityOfLife]"] = "x", ["Answers[PaidWorkDays]"] = "29" });
        await PostTopAsync(daat, opened.Id, "step=3", new());
        await PostTopAsync(daat, opened.Id, "step=4", new());
        var check = await daat.GetStringAsync($"{top}?step=5");

        emptyFirst.StatusCode.Should().Be(HttpStatusCode.OK);
        var firstErrors = await emptyFirst.Content.ReadAsStringAsync();
        firstErrors.Should().Contain("govuk-error-summary").And.Contain("Select the stage of the TOP").And.Contain("The date the TOP was completed must be a real date");
        var substanceErrors = await badSubstances.Content.ReadAsStringAsync();
        badSubstances.StatusCode.Should().Be(HttpStatusCode.OK);
        substanceErrors.Should().Contain("Illicit opiates must be a whole number from 0 to 28").And.Contain("Crack must be a whole number from 0 to 28")
            .And.Contain("Alcohol units per drinking day must be a whole number from 0 to 200")
            .And.Contain("value=\"30\"", "what was typed is shown again with its error");
        (await badHealth.Content.ReadAsStringAsync()).Should().Contain("Physical health must be a whole number from 0 to 20")
            .And.Contain("Overall quality of life must be a whole number from 0 to 20").And.Contain("Days in paid work must be a whole number from 0 to 28");
        check.Should().Contain("Check your answers");
        SummaryValue(check, "Illicit opiates").Should().Be("25", "the page with errors did not change the answer kept before it");
        SummaryValue(check, "Crack").Should().Be("Not answered");
        SummaryValue(check, "Physical health").Should().Be("Not answered");
        (await TopCountAsync(opened.Id)).Should().Be(0, "nothing is recorded before check your answers");
    }

    [Fact]
    public async Task TopPages_AReviewWithoutAStartTop_IsAnErrorOnTheFirstPage_AndRecordsNothing()
    {
        var daat = await SignedInBrowserAsync(DemoUsers.DaatWorker);
        var opened = await TreatmentCaseThroughThePageAsync(daat, "NoStart");

        var review = await PostTopAsync(daat, opened.Id, "step=1", new(StartOnFirstOfJune) { ["Stage"] = "Review" });
        var exit = await PostTopAsync(daat, opened.Id, "step=1", new(StartOnFirstOfJune) { ["Stage"] = "Exit" });
        var onward = await daat.GetAsync($"/cases/{opened.Id}/treatment/top?step=5");

        review.StatusCode.Should().Be(HttpStatusCode.OK);
        (await review.Content.ReadAsStringAsync()).Should().Contain("govuk-error-summary").And.Contain("Record the start TOP first: a review or exit TOP counts only against a start TOP");
        (await exit.Content.ReadAsStringAsync()).Should().Contain("Record the start TOP first");
        onward.StatusCode.Should().Be(HttpStatusCode.Redirect, "no draft was kept, so the check page starts again at the first page");
        (await TopCountAsync(opened.Id)).Should().Be(0);
    }

    [Fact]
    public async Task CheckYourAnswers_ChangeLinksOpenThePageAndComeBackToTheCheckPage_KeepingNotAnswered()
    {
        var daat = await SignedInBrowserAsync(DemoUsers.DaatWorker);
        var opened = await TreatmentCaseThroughThePageAsync(daat, "ChangeLinks");
        var top = $"/cases/{opened.Id}/treatment/top";
        await PostTopAsync(daat, opened.Id, "step=1", StartOnFirstOfJune);
        await PostTopAsync(daat, opened.Id, "step=2", new() { ["Answers[OpiateDays]"] = "20" });
        await PostTopAsync(daat, opened.Id, "step=3", new() { ["Answers[SharedNeedles]"] = "true", ["Answers[SharedParaphernalia]"] = "" });
        await PostTopAsync(daat, opened.Id, "step=4", new() { ["Answers[RiskOfEviction]"] = "false" });

        var check = await daat.GetStringAsync($"{top}?step=5");
        var changePage = await daat.GetStringAsync($"{top}?step=3&change=true");
        var changed = await PostTopAsync(daat, opened.Id, "step=3&change=true", new() { ["Answers[SharedNeedles]"] = "", ["Answers[InjectedDays]"] = "4" });
        var checkAgain = await daat.GetStringAsync($"{top}?step=5");
        var saved = await PostTopAsync(daat, opened.Id, "step=5", new());

        check.Should().Contain($"href=\"{top}?step=1&amp;change=true\"").And.Contain($"href=\"{top}?step=2&amp;change=true\"")
            .And.Contain($"href=\"{top}?step=3&amp;change=true\"").And.Contain($"href=\"{top}?step=4&amp;change=true\"");
        SummaryValue(check, "Shared needles").Should().Be("Yes");
        SummaryValue(check, "Shared other injecting equipment").Should().Be("Not answered");
        SummaryValue(check, "At risk of eviction").Should().Be("No");
        changePage.Should().Contain($"action=\"{top}?step=3&amp;change=true\"").And.Contain($"href=\"{top}?step=5\" class=\"govuk-back-link\"")
            .And.Contain("id=\"Answers_SharedNeedles\" name=\"Answers[SharedNeedles]\" type=\"radio\" value=\"true\" checked=\"checked\"");
        changed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        changed.Headers.Location!.OriginalString.Should().Be($"{top}?step=5");
        SummaryValue(checkAgain, "Shared needles").Should().Be("Not answered", "\"not answered\" is an answer that is kept (DT3)");
        SummaryValue(checkAgain, "Days injected").Should().Be("4");
        SummaryValue(checkAgain, "Illicit opiates").Should().Be("20", "the other pages' answers are kept");
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stored = await factory.QueryDbAsync(db => db.TopRecords.SingleAsync(t => t.CaseId == new CaseId(opened.Id)));
        stored.Answers.SharedNeedles.Should().BeNull();
        stored.Answers.SharedParaphernalia.Should().BeNull();
        stored.Answers.InjectedDays.Should().Be(4);
        stored.Answers.OpiateDays.Should().Be(20);
        stored.Answers.RiskOfEviction.Should().BeFalse();
    }

    [Fact]
    public async Task TopPages_ForTheOwningAgencysManager_RecordAReviewAfterTheStart()
    {
        var daat = await SignedInBrowserAsync(DemoUsers.DaatWorker);
        var manager = await SignedInBrowserAsync(DemoUsers.DaatManager);
        var opened = await TreatmentCaseThroughThePageAsync(daat, "ManagerReview");
        await PostTopAsync(daat, opened.Id, "step=1", StartOnFirstOfJune);
        foreach (var step in new[] { 2, 3, 4, 5 })
        {
            (await PostTopAsync(daat, opened.Id, $"step={step}", new())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        await PostTopAsync(manager, opened.Id, "step=1", new(StartOnFirstOfJune) { ["Stage"] = "Review", ["CompletedOn.Month"] = "9" });
        foreach (var step in new[] { 2, 3, 4 })
        {
            await PostTopAsync(manager, opened.Id, $"step={step}", new() { ["Answers[QualityOfLife]"] = "12" });
        }

        var saved = await PostTopAsync(manager, opened.Id, "step=5", new());

        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stages = await factory.QueryDbAsync(db => db.TopRecords.Where(t => t.CaseId == new CaseId(opened.Id)).OrderBy(t => t.CompletedOn).Select(t => t.Stage).ToListAsync());
        stages.Should().Equal(Domain.Treatment.TopStage.Start, Domain.Treatment.TopStage.Review);
    }

    [Fact]
    public async Task TopPages_ForRolesAndAgenciesThatDoNotRecordTheTop_AreRefusedAndRecordNothing()
    {
        var dawn = await factory.QueryDbAsync(async db =>
        {
            var person = await db.People.Where(p => p.FamilyName == "Marsh" && p.GivenName == "Dawn").Select(p => p.Id).SingleAsync();
            return (await db.Cases.Where(c => c.PersonId == person && c.Scheme == Domain.Agencies.Scheme.AdultTreatment).Select(c => c.Id).SingleAsync()).Value;
        });
        var before = await TopCountAsync(dawn);
        var admin = await SignedInBrowserAsync(DemoUsers.Administrator);
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);
        var police = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);
        var top = $"/cases/{dawn}/treatment/top";

        var asAdmin = await admin.GetAsync($"{top}?step=1");
        var asPartner = await fit.GetAsync($"{top}?step=1");
        var partnerReadsTheCase = await fit.GetAsync($"/cases/{dawn}");
        var asStranger = await police.GetAsync($"{top}?step=1");
        var partnerPost = await PostFormAsync(fit, $"{top}?step=1", new(StartOnFirstOfJune), $"/cases/{dawn}");
        var partnerCheck = await PostFormAsync(fit, $"{top}?step=5", new(), $"/cases/{dawn}");

        Refused(asAdmin).Should().BeTrue("administrators see no case data (the page needs WriteCaseData)");
        partnerReadsTheCase.StatusCode.Should().Be(HttpStatusCode.OK, "Dawn consented to share with the family partners");
        Refused(asPartner).Should().BeTrue("only the owning agency records a TOP");
        asStranger.StatusCode.Should().Be(HttpStatusCode.NotFound, "the police may not know the case exists");
        Refused(partnerPost).Should().BeTrue();
        Refused(partnerCheck).Should().BeTrue();
        (await TopCountAsync(dawn)).Should().Be(before);
    }

    [Fact]
    public async Task StartInterventionPage_ListsEveryErrorAtOnce_AndStartsNothing()
    {
        var daat = await SignedInBrowserAsync(DemoUsers.DaatWorker);
        var opened = await TreatmentCaseThroughThePageAsync(daat, "StartErrors");

        var response = await PostFormAsync(daat, $"/cases/{opened.Id}/treatment/interventions/start", new()
        {
            ["Input.Type"] = "Pharmacological",
            ["Input.Mode"] = "Maintenance",
            ["Input.StartDate.Day"] = "31",
            ["Input.StartDate.Month"] = "2",
            ["Input.StartDate.Year"] = "2026",
        });
        var psychosocialWithMedication = await PostFormAsync(daat, $"/cases/{opened.Id}/treatment/interventions/start", new()
        {
            ["Input.Type"] = "Psychosocial",
            ["Input.Medication"] = "Methadone",
            ["Input.StartDate.Day"] = "1",
            ["Input.StartDate.Month"] = "1",
            ["Input.StartDate.Year"] = "2099",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("govuk-error-summary").And.Contain("The start date must be a real date").And.Contain("Select the medication")
            .And.Contain("Only opioid substitution (methadone or buprenorphine) is maintenance or reduction");
        (await psychosocialWithMedication.Content.ReadAsStringAsync()).Should().Contain("Only a pharmacological intervention has a medication")
            .And.Contain("The start date cannot be in the future");
        (await factory.QueryDbAsync(db => db.TreatmentInterventions.CountAsync(i => i.CaseId == new CaseId(opened.Id)))).Should().Be(0);
    }

    [Fact]
    public async Task EndInterventionPage_ShowsTheErrorInTheSummary_AndEndsNothing()
    {
        var daat = await SignedInBrowserAsync(DemoUsers.DaatWorker);
        var opened = await TreatmentCaseThroughThePageAsync(daat, "EndErrors");
        (await PostFormAsync(daat, $"/cases/{opened.Id}/treatment/interventions/start", new()
        {
            ["Input.Type"] = "Psychosocial",
            ["Input.StartDate.Day"] = "2",
            ["Input.StartDate.Month"] = "6",
            ["Input.StartDate.Year"] = "2026",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var iid = await factory.QueryDbAsync(db => db.TreatmentInterventions.Where(i => i.CaseId == new CaseId(opened.Id)).Select(i => i.Id).SingleAsync());
        var end = $"/cases/{opened.Id}/treatment/interventions/{iid}/end";

        var blank = await PostFormAsync(daat, end, new());
        var future = await PostFormAsync(daat, end, new() { ["EndDate.Day"] = "1", ["EndDate.Month"] = "1", ["EndDate.Year"] = "2099" });

        (await blank.Content.ReadAsStringAsync()).Should().Contain("govuk-error-summary").And.Contain("Enter the end date").And.Contain("href=\"#EndDate");
        (await future.Content.ReadAsStringAsync()).Should().Contain("The end date cannot be in the future");
        (await factory.QueryDbAsync(db => db.TreatmentInterventions.SingleAsync(i => i.Id == iid))).EndDate.Should().BeNull();
    }

    [Fact]
    public async Task OpenPage_ForTreatment_ListsEveryTreatmentErrorAtOnce()
    {
        var daat = await SignedInBrowserAsync(DemoUsers.DaatWorker);
        var person = await factory.SendAsAsync<Application.People.PersonDetailsView>(DemoUsers.DaatWorker,
            new Application.People.RegisterPerson.RegisterPersonCommand("Paged", "ManyErrors", new DateOnly(1979, 8, 9)));

        var response = await PostFormAsync(daat, $"/cases/open?personId={person.Id}", new()
        {
            ["Input.Scheme"] = "AdultTreatment",
            ["Input.StartDate.Day"] = "1",
            ["Input.StartDate.Month"] = "6",
            ["Input.StartDate.Year"] = "2026",
            ["Input.Treatment.ReferralDate.Day"] = "31",
            ["Input.Treatment.ReferralDate.Month"] = "2",
            ["Input.Treatment.ReferralDate.Year"] = "2026",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.Should().Contain("The referral date must be a real date").And.Contain("Select the primary substance");
        (await factory.QueryDbAsync(db => db.Cases.AnyAsync(c => c.PersonId == new Domain.People.PersonId(person.Id)))).Should().BeFalse();
    }

    /// <summary>The TOP page's own form (not the layout's sign-out form).</summary>
    private static string TopForm(string page)
    {
        var start = page.IndexOf("data-testid=\"top-form-", StringComparison.Ordinal);
        start.Should().BePositive();
        return page[start..page.IndexOf("</form>", start, StringComparison.Ordinal)];
    }

    /// <summary>A refusal: 403, or the redirect to the "you cannot do this" page that a failed page policy answers.</summary>
    private static bool Refused(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Forbidden
        || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.AbsolutePath == "/forbidden");

    /// <summary>The value of a summary list row with the given key on a check-your-answers page.</summary>
    private static string SummaryValue(string page, string key)
    {
        var match = System.Text.RegularExpressions.Regex.Match(page,
            $"<dt class=\"govuk-summary-list__key\">{System.Text.RegularExpressions.Regex.Escape(System.Net.WebUtility.HtmlEncode(key))}</dt>\\s*<dd class=\"govuk-summary-list__value\">([^<]*)</dd>");
        match.Success.Should().BeTrue("the check page has a row for {0}", key);
        return match.Groups[1].Value.Trim();
    }
}
