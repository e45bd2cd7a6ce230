using System.Net;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Domain.Cases;
using CaseManager.Domain.People;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.FunctionalTests;

public sealed partial class PageTests
{
    [Fact]
    public async Task LogInterventionPage_RendersTheDrugTestQuestionsAsAConditionalRevealThatShowsWithoutJavaScript()
    {
        var opened = await NewIomCaseAsync(DemoUsers.PoliceCaseworker, "Revealed");
        var caseworker = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var html = await caseworker.GetStringAsync($"/cases/{opened.Id}/interventions/log");

        html.Should().Contain("value=\"DrugTest\" aria-controls=\"drug-test-questions\" data-cm-reveal=\"drug-test-questions\"");
        html.Should().Contain("class=\"cm-conditional cm-conditional--hidden\" id=\"drug-test-questions\"",
            "hidden only by the stylesheet rule that needs JavaScript, so without it the questions show");
        html.Should().Contain("name=\"Input.Result\"");
    }

    [Fact]
    public async Task LogInterventionPage_AnAnswerToADrugTestQuestionUnderAnotherType_IsAnError_NotDropped()
    {
        var opened = await NewIomCaseAsync(DemoUsers.PoliceCaseworker, "Notdropped");
        var caseworker = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var response = await PostFormAsync(caseworker, $"/cases/{opened.Id}/interventions/log", new()
        {
            ["Input.Type"] = "HomeVisit",
            ["Input.Result"] = "Positive",
            ["Input.Date.Day"] = "20",
            ["Input.Date.Month"] = "11",
            ["Input.Date.Year"] = "2026",
            ["Input.Time"] = "10:00",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("There is a problem").And.Contain("Only a drug test has a result").And.Contain("href=\"#Input_Result\"");
        html.Should().Contain("class=\"cm-conditional\" id=\"drug-test-questions\"", "the question with the error is shown");
        (await factory.QueryDbAsync(db => db.Interventions.CountAsync(i => i.CaseId == new CaseId(opened.Id)))).Should().Be(0);
    }

    [Fact]
    public async Task LogInterventionPage_ListsEveryErrorAtOnce()
    {
        var opened = await NewIomCaseAsync(DemoUsers.PoliceCaseworker, "Allerrors");
        var caseworker = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var response = await PostFormAsync(caseworker, $"/cases/{opened.Id}/interventions/log", new()
        {
            ["Input.Date.Day"] = "31",
            ["Input.Date.Month"] = "2",
            ["Input.Date.Year"] = "2026",
            ["Input.Time"] = "10:00",
            ["Input.DurationMinutes"] = "2000",
            ["Input.Outcome"] = new string('x', 201),
        });

        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("The date must be a real date")
            .And.Contain("Select the type of intervention")
            .And.Contain("The duration must be between 0 and 1440 minutes")
            .And.Contain("The outcome must be 200 characters or fewer");
    }

    [Fact]
    public async Task EnrolPage_RevealsOnlyTheChosenSchemesQuestions_AndAnIomAnswerForTreatmentIsAnError()
    {
        var daat = await SignedInBrowserAsync(DemoUsers.DaatWorker);
        var person = await factory.SendAsAsync<PersonDetailsView>(DemoUsers.DaatWorker, new RegisterPersonCommand("Enrol", "Wrongscheme", new DateOnly(1985, 1, 2)));
        var url = $"/cases/open?personId={person.Id}";

        var form = await daat.GetStringAsync(url);
        var response = await PostFormAsync(daat, url, new()
        {
            ["Input.Scheme"] = "AdultTreatment",
            ["Input.StartDate.Day"] = "1",
            ["Input.StartDate.Month"] = "6",
            ["Input.StartDate.Year"] = "2026",
            ["Input.Treatment.ReferralDate.Day"] = "20",
            ["Input.Treatment.ReferralDate.Month"] = "5",
            ["Input.Treatment.ReferralDate.Year"] = "2026",
            ["Input.Treatment.ReferralSource"] = "GP",
            ["Input.Treatment.PrimarySubstance"] = "Heroin",
            ["Input.Treatment.InjectingStatus"] = "Never",
            ["Input.Cohort"] = "Flex",
        });

        form.Should().Contain("value=\"AdultTreatment\" aria-controls=\"treatment-questions\" data-cm-reveal=\"treatment-questions\"")
            .And.Contain("value=\"Iom\" aria-controls=\"iom-questions\" data-cm-reveal=\"iom-questions\"");
        form.Should().Contain("class=\"cm-conditional cm-conditional--hidden\" id=\"iom-questions\"").And.Contain("class=\"cm-conditional cm-conditional--hidden\" id=\"treatment-questions\"");
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("There is a problem").And.Contain("Leave the IOM questions blank when enrolling in Adult drug and alcohol treatment");
        html.Should().Contain("class=\"cm-conditional\" id=\"iom-questions\"", "the question with the error is shown");
        (await factory.QueryDbAsync(db => db.Cases.AnyAsync(c => c.PersonId == new PersonId(person.Id)))).Should().BeFalse();
    }
}
