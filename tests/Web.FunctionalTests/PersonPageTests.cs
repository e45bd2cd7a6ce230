using System.Net;
using System.Text.RegularExpressions;
using CaseManager.Application.Consents;
using CaseManager.Application.Consents.RecordConsent;
using CaseManager.Application.Households;
using CaseManager.Application.Households.AddHouseholdMember;
using CaseManager.Application.Households.RecordHousehold;
using CaseManager.Application.Offences;
using CaseManager.Application.Offences.RecordOffence;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Households;
using CaseManager.Domain.People;
using CaseManager.Domain.Sharing;
using CaseManager.TestSupport;

using CaseManager.Web.Pages.People;

namespace CaseManager.Web.FunctionalTests;

/// <summary>The person page's sub-navigation: one part of the record at a time, rendered on the server.</summary>
public sealed partial class PageTests
{
    private static readonly string[] PersonParts = ["summary", "cases", "timeline", "offences", "asb", "education", "employment", "consent", "households"];

    /// <summary>Where a part of the person's page is, as the sub-navigation links it.</summary>
    private static string PartUrl(Guid personId, string part) => PersonSections.Href(personId, Enum.Parse<PersonSection>(part, ignoreCase: true));

    [Fact]
    public async Task PersonPage_EachPartOfTheRecord_IsItsOwnPageWithTheCurrentItemMarked()
    {
        var opened = await NewIomCaseAsync(DemoUsers.PoliceCaseworker, "Subnav");
        var person = new { Id = opened.PersonId!.Value };
        var personId = new PersonId(person.Id);
        await factory.SendAsAsync<OffenceView>(DemoUsers.PoliceCaseworker, new RecordOffenceCommand(personId, "Theft", new DateOnly(2026, 9, 1)));
        await factory.SendAsAsync<ConsentView>(DemoUsers.PoliceCaseworker, new RecordConsentCommand(
            personId, Scheme.Iom, ["HOUSING"], [DataCategory.Identity], ConsentStatus.Given, ConsentGivenBy.Self,
            new DateOnly(2026, 10, 1), new DateOnly(2027, 10, 1), null));
        var fit = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var pages = new Dictionary<string, string>();
        foreach (var part in PersonParts)
        {
            var url = PartUrl(person.Id, part);
            var response = await fit.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.OK, url);
            pages[part] = await response.Content.ReadAsStringAsync();
        }

        foreach (var (part, html) in pages)
        {
            html.Should().Contain("class=\"moj-sub-navigation\"", part);
            CurrentItems(html).Should().Equal([part], "only the part shown is the current page ({0})", part);
            foreach (var other in PersonParts)
            {
                html.Should().Contain($"data-testid=\"person-nav-{other}\"", "every part is offered on {0}", part);
            }
        }

        pages["summary"].Should().Contain("data-testid=\"person-details\"").And.NotContain("data-testid=\"person-cases\"").And.NotContain("data-testid=\"offences-table\"");
        pages["cases"].Should().Contain("data-testid=\"person-cases\"").And.Contain("Integrated Offender Management").And.Contain("data-testid=\"enrol-link\"")
            .And.NotContain("data-testid=\"person-details\"");
        pages["offences"].Should().Contain("data-testid=\"offences-table\"").And.Contain("data-testid=\"record-offence\"").And.NotContain("data-testid=\"consents-table\"");
        pages["consent"].Should().Contain("data-testid=\"consents-table\"").And.Contain("data-testid=\"add-consent\"").And.NotContain("data-testid=\"offences-table\"");
        pages["households"].Should().Contain("data-testid=\"no-person-households\"");
        pages["timeline"].Should().Contain("data-testid=\"timeline-item\"");
        pages.Values.Should().OnlyContain(html => html.Contains("Test Subnav"), "every part names the person");
    }

    [Fact]
    public async Task PersonPage_HouseholdsPart_ListsTheHouseholdsThePersonWasAMemberOf()
    {
        var person = await factory.SendAsAsync<PersonDetailsView>(DemoUsers.FitKeyworker, new RegisterPersonCommand("Member", "Subnavhousehold", new DateOnly(1984, 5, 6)));
        var household = new HouseholdId((await factory.SendAsAsync<HouseholdView>(DemoUsers.FitKeyworker, new RecordHouseholdCommand("Subnav household", null))).Id);
        await factory.SendAsAsync<HouseholdMemberView>(DemoUsers.FitKeyworker, new AddHouseholdMemberCommand(household, new PersonId(person.Id), Relationship.ParentCarer, new DateOnly(2024, 1, 1)));
        var fit = await SignedInBrowserAsync(DemoUsers.FitKeyworker);

        var html = await fit.GetStringAsync($"/people/{person.Id}/households");

        html.Should().Contain("data-testid=\"person-households\"").And.Contain($"href=\"/households/{household.Value}\"").And.Contain("Subnav household")
            .And.Contain("Parent or carer").And.Contain("1 January 2024").And.Contain("Still a member");
        CurrentItems(html).Should().Equal("households");
    }

    [Fact]
    public async Task PersonPage_ForAPartNotOnThePage_IsNotFound()
    {
        var person = await factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Unknown", "Section", new DateOnly(1990, 1, 1)));
        var police = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var unknown = await police.GetAsync($"/people/{person.Id}?section=bank-details");
        var numeric = await police.GetAsync($"/people/{person.Id}?section=2");
        var upperCase = await police.GetAsync($"/people/{person.Id}?section=Offences");

        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        numeric.StatusCode.Should().Be(HttpStatusCode.NotFound);
        upperCase.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PersonPage_ForAReaderWhoMayNotSeeThePerson_IsNotFoundOnEveryPart()
    {
        var person = await factory.SendAsAsync<PersonDetailsView>(DemoUsers.DaatWorker, new RegisterPersonCommand("Not", "Yours", new DateOnly(1990, 1, 1)));
        var police = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        foreach (var part in PersonParts.Where(p => p is not "summary" and not "timeline"))
        {
            (await police.GetAsync($"/people/{person.Id}?section={part}")).StatusCode.Should().Be(HttpStatusCode.NotFound, part);
        }
    }

    [Fact]
    public async Task PersonPage_ForTheOwner_OffersBreakGlassOnNoPart()
    {
        var person = await factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Owner", "Everywhere", new DateOnly(1990, 1, 1)));
        var police = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        foreach (var part in PersonParts.Where(p => p != "timeline"))
        {
            var html = await police.GetStringAsync(PartUrl(person.Id, part));
            html.Should().NotContain("break-glass", "the owner never sees break-glass on their own record ({0})", part);
        }
    }

    [Fact]
    public async Task RecordingAConsentOrAnOffence_ReturnsToThatPartOfThePersonPage()
    {
        var person = await factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker, new RegisterPersonCommand("Returns", "Topart", new DateOnly(1990, 1, 1)));
        var police = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var offence = await PostFormAsync(police, $"/people/{person.Id}/offences/record", new()
        {
            ["Input.OffenceType"] = "Theft",
            ["Input.CommittedOn.Day"] = "1",
            ["Input.CommittedOn.Month"] = "9",
            ["Input.CommittedOn.Year"] = "2026",
        });

        offence.StatusCode.Should().Be(HttpStatusCode.Redirect);
        offence.Headers.Location!.ToString().Should().Be($"/people/{person.Id}?section=offences");
    }

    private static List<string> CurrentItems(string html) =>
        [.. Regex.Matches(html, "<a class=\"moj-sub-navigation__link\" href=\"[^\"]*\" aria-current=\"page\" data-testid=\"person-nav-([a-z]+)\"").Select(m => m.Groups[1].Value)];
}
