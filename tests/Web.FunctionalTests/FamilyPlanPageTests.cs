using System.Net;
using CaseManager.Application.Families;
using CaseManager.Application.Families.AddPlanAction;
using CaseManager.Application.Families.GetPlan;
using CaseManager.Domain.Cases;
using CaseManager.TestSupport;

namespace CaseManager.Web.FunctionalTests;

/// <summary>The family case's assessment and plan pages: the form, the task list, add, mark as done and the CSV.</summary>
public sealed partial class PageTests
{
    [Fact]
    public async Task FamilyCasePage_LinksToTheAssessmentAndPlan_AndTheAssessmentFormRecordsNeedsPerMember()
    {
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);
        var familyCase = await TroubledFamilyAsync("AssessedPage");

        var casePage = await fit.GetStringAsync($"/cases/{familyCase.Id}");
        casePage.Should().Contain($"/cases/{familyCase.Id}/assessment").And.Contain($"/cases/{familyCase.Id}/plan");
        var form = await fit.GetStringAsync($"/cases/{familyCase.Id}/assessment");
        form.Should().Contain("No assessment has been recorded yet").And.Contain("Needs of Mother AssessedPage");
        var memberId = System.Text.RegularExpressions.Regex.Match(form, "name=\"Input.Members\\[0\\].PersonId\" value=\"([^\"]+)\"").Groups[1].Value;

        var empty = await PostFormAsync(fit, $"/cases/{familyCase.Id}/assessment", new()
        {
            ["Input.CompletedOn.Day"] = "26",
            ["Input.CompletedOn.Month"] = "11",
            ["Input.CompletedOn.Year"] = "2026",
        });
        var saved = await PostFormAsync(fit, $"/cases/{familyCase.Id}/assessment", new()
        {
            ["Input.CompletedOn.Day"] = "26",
            ["Input.CompletedOn.Month"] = "11",
            ["Input.CompletedOn.Year"] = "2026",
            ["Input.FamilyNeeds"] = "Housing",
            ["Input.Members[0].PersonId"] = memberId,
            ["Input.Members[0].Name"] = "Mother AssessedPage",
            ["Input.Members[0].Needs"] = "Work",
            ["Input.Summary"] = "Out of work, tenancy at risk",
        });

        empty.StatusCode.Should().Be(HttpStatusCode.OK, "the form comes back with the error summary");
        (await empty.Content.ReadAsStringAsync()).Should().Contain("govuk-error-summary").And.Contain("Enter the summary");
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var shown = await fit.GetStringAsync($"/cases/{familyCase.Id}/assessment");
        shown.Should().Contain("Out of work, tenancy at risk").And.Contain("Needs of the family").And.Contain("Needs of Mother AssessedPage");
    }

    [Fact]
    public async Task PlanPage_IsATaskList_WithAddMarkAsDoneAndACsvDownload()
    {
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);
        var familyCase = await TroubledFamilyAsync("PlanPage");

        var early = await PostFormAsync(fit, $"/cases/{familyCase.Id}/plan/add", new()
        {
            ["Input.Description"] = "Too early",
            ["Input.OwnerAgency"] = "FIT",
            ["Input.DueOn.Day"] = "1",
            ["Input.DueOn.Month"] = "1",
            ["Input.DueOn.Year"] = "2026",
        });
        var added = await PostFormAsync(fit, $"/cases/{familyCase.Id}/plan/add", new()
        {
            ["Input.Description"] = "=Visit the school",
            ["Input.OwnerAgency"] = "FIT",
            ["Input.Need"] = "Education",
            ["Input.DueOn.Day"] = "1",
            ["Input.DueOn.Month"] = "12",
            ["Input.DueOn.Year"] = "2026",
        });

        (await early.Content.ReadAsStringAsync()).Should().Contain("govuk-error-summary").And.Contain("before the case started");
        added.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var plan = await fit.GetStringAsync($"/cases/{familyCase.Id}/plan");
        plan.Should().Contain("govuk-task-list").And.Contain("=Visit the school").And.Contain("Open");
        var action = (await factory.SendAsAsync<FamilyPlanView>(DemoUsers.FitKeyworker, new GetPlanQuery(new CaseId(familyCase.Id)))).Actions.Single();
        plan.Should().Contain($"/cases/{familyCase.Id}/plan/actions/{action.Id}/complete");

        var done = await PostFormAsync(fit, $"/cases/{familyCase.Id}/plan/actions/{action.Id}/complete", new()
        {
            ["Input.CompletedOn.Day"] = "26",
            ["Input.CompletedOn.Month"] = "11",
            ["Input.CompletedOn.Year"] = "2026",
            ["Input.Note"] = "Met the head",
            ["Input.Version"] = action.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        done.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await fit.GetStringAsync($"/cases/{familyCase.Id}/plan")).Should().Contain("Done").And.Contain("Met the head");
        var csv = await fit.GetAsync($"/cases/{familyCase.Id}/plan?handler=Csv");
        csv.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var text = await csv.Content.ReadAsStringAsync();
        text.Should().Contain("Action,Need,For,Owner agency,Assigned to,Due,Status,Completed,Note")
            .And.Contain("'=Visit the school,Education,Family,FIT,,2026-12-01,Done,2026-11-26,Met the head", "a formula is defused");
    }

    [Fact]
    public async Task PlanPages_ForAnAgencyThatMayNotReadTheCase_AreNotFound()
    {
        var police = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);
        var familyCase = await TroubledFamilyAsync("HiddenPlan");
        await factory.SendAsAsync<PlanActionView>(DemoUsers.FitKeyworker,
            new AddPlanActionCommand(new CaseId(familyCase.Id), "Private", "FIT", new DateOnly(2026, 12, 1)));

        (await police.GetAsync($"/cases/{familyCase.Id}/plan")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await police.GetAsync($"/cases/{familyCase.Id}/plan?handler=Csv")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await police.GetAsync($"/cases/{familyCase.Id}/assessment")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
