using System.Net;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Domain.People;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.FunctionalTests;

/// <summary>Adding a person, recording an offence and recording consent list every error on the form at once and store nothing.</summary>
public sealed partial class PageTests
{
    [Fact]
    public async Task CreatePerson_WithSeveralBadFields_ListsEveryErrorAtOnceAndAddsNobody()
    {
        var client = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);
        var familyName = "Allatonce" + new string('x', 100);

        var response = await PostFormAsync(client, "/people/create", new()
        {
            ["Input.GivenName"] = "",
            ["Input.FamilyName"] = familyName,
            ["Input.DateOfBirth.Day"] = "31",
            ["Input.DateOfBirth.Month"] = "2",
            ["Input.DateOfBirth.Year"] = "1990",
            ["Input.NhsNumber"] = "1234567890",
            ["Input.Upn"] = new string('U', 14),
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        var summary = ErrorSummaryOf(html);
        summary.Should().Contain("href=\"#Input_GivenName\"").And.Contain("Enter the person&#x27;s given name");
        summary.Should().Contain("href=\"#Input_FamilyName\"").And.Contain("Family name must be 100 characters or fewer");
        summary.Should().Contain("href=\"#Input_DateOfBirth_Day\"").And.Contain("Date of birth must be a real date");
        summary.Should().Contain("href=\"#Input_NhsNumber\"").And.Contain("Enter a valid NHS number");
        summary.Should().Contain("href=\"#Input_Upn\"").And.Contain("UPN must be 13 characters or fewer");
        summary.Should().NotContain("Enter the person&#x27;s date of birth", "the date field keeps only its first error");
        (await factory.QueryDbAsync(db => db.People.CountAsync(p => p.FamilyName.StartsWith("Allatonce")))).Should().Be(0);
    }

    [Fact]
    public async Task RecordOffence_WithSeveralBadFields_ListsEveryErrorAtOnceAndStoresNothing()
    {
        var person = await factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Offence", "Manyerrors", new DateOnly(1990, 1, 1)));
        var client = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var response = await PostFormAsync(client, $"/people/{person.Id}/offences/record", new()
        {
            ["Input.OffenceType"] = "",
            ["Input.CommittedOn.Day"] = "",
            ["Input.CommittedOn.Month"] = "",
            ["Input.CommittedOn.Year"] = "",
            ["Input.ConvictedOn.Day"] = "30",
            ["Input.ConvictedOn.Month"] = "2",
            ["Input.ConvictedOn.Year"] = "2026",
            ["Input.Outcome"] = new string('o', 201),
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var summary = ErrorSummaryOf(await response.Content.ReadAsStringAsync());
        summary.Should().Contain("href=\"#Input_OffenceType\"").And.Contain("Select the offence type");
        summary.Should().Contain("href=\"#Input_CommittedOn_Day\"").And.Contain("Enter the date of the offence");
        summary.Should().Contain("href=\"#Input_ConvictedOn_Day\"").And.Contain("The conviction date must be a real date");
        summary.Should().Contain("href=\"#Input_Outcome\"").And.Contain("The outcome must be 200 characters or fewer");
        (await factory.QueryDbAsync(db => db.Offences.CountAsync(o => o.PersonId == new PersonId(person.Id)))).Should().Be(0);
    }

    [Fact]
    public async Task RecordConsent_WithSeveralBadFields_ListsEveryErrorAtOnceAndStoresNothing()
    {
        var person = await factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Consent", "Manyerrors", new DateOnly(1990, 1, 1)));
        var client = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var response = await PostFormAsync(client, $"/people/{person.Id}/consents/create", new()
        {
            ["Input.RecordedOn.Day"] = "31",
            ["Input.RecordedOn.Month"] = "4",
            ["Input.RecordedOn.Year"] = "2026",
            ["Input.ReviewOn.Day"] = "",
            ["Input.ReviewOn.Month"] = "",
            ["Input.ReviewOn.Year"] = "",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var summary = ErrorSummaryOf(await response.Content.ReadAsStringAsync());
        summary.Should().Contain("href=\"#Input_RecordedOn_Day\"").And.Contain("The date consent was given or refused must be a real date");
        summary.Should().Contain("href=\"#Input_Purpose\"").And.Contain("Select the scheme the consent is for");
        summary.Should().Contain("href=\"#Input_RecipientAgencies\"").And.Contain("Select the agencies the person agrees may see their data");
        summary.Should().Contain("href=\"#Input_DataCategories\"").And.Contain("Select the categories of data the consent covers");
        summary.Should().Contain("href=\"#Input_Status\"").And.Contain("Say whether consent was given or refused");
        summary.Should().Contain("href=\"#Input_GivenBy\"").And.Contain("Say who gave or refused consent");
        (await factory.QueryDbAsync(db => db.Consents.CountAsync(c => c.PersonId == new PersonId(person.Id)))).Should().Be(0);
    }

    [Fact]
    public async Task RecordConsent_WithAnAgencyCodeThatIsNotOne_PutsTheErrorOnTheAgencyCheckboxes()
    {
        var person = await factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Consent", "Badagency", new DateOnly(1990, 1, 1)));
        var client = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var response = await PostFormAsync(client, $"/people/{person.Id}/consents/create", new()
        {
            ["Input.Purpose"] = "Iom",
            ["Input.RecipientAgencies"] = "not an agency!",
            ["Input.DataCategories"] = "Offending",
            ["Input.Status"] = "Given",
            ["Input.GivenBy"] = "Self",
            ["Input.RecordedOn.Day"] = "1",
            ["Input.RecordedOn.Month"] = "10",
            ["Input.RecordedOn.Year"] = "2026",
        });

        var summary = ErrorSummaryOf(await response.Content.ReadAsStringAsync());
        summary.Should().Contain("href=\"#Input_RecipientAgencies\"").And.Contain("Agency codes must be valid");
        (await factory.QueryDbAsync(db => db.Consents.CountAsync(c => c.PersonId == new PersonId(person.Id)))).Should().Be(0);
    }

    private static string ErrorSummaryOf(string html)
    {
        var start = html.IndexOf("govuk-error-summary", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, "the page shows an error summary");
        var end = html.IndexOf("</ul>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}
