using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CaseManager.Application.Auditing.ExportSubjectAccess;
using CaseManager.Application.BreakGlass;
using CaseManager.Application.BreakGlass.UseBreakGlass;
using CaseManager.Domain.Sharing;
using CaseManager.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.FunctionalTests;

/// <summary>The information governance lead's pages and routes: subject access (DOMAIN.md RT1) and the audit trail.</summary>
public sealed partial class GovernanceTests(CaseManagerFactory factory) : IClassFixture<CaseManagerFactory>
{
    private const string VisitNotes = "Home visit: kitchen cold, boiler broken; spoke about the housing referral";

    [Fact]
    public async Task SubjectAccessExport_OfAPersonWithWorkAndOffences_HoldsEveryKindOfRecordAndWhoAccessedEach()
    {
        var (person, caseId) = await PersonWithWorkAsync("Quill", 15);
        var ig = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);

        var export = await ig.GetFromJsonAsync<JsonElement>($"/api/v1/people/{person}/subject-access-export");

        var kinds = export.GetProperty("records").EnumerateArray().Select(s => s.GetProperty("kind").GetString()).ToList();
        kinds.Should().Equal(SubjectAccessRecords.All.Select(s => s.Kind));
        var work = Records(export, "interventions");
        work.Should().ContainSingle();
        work[0].GetProperty("record").GetProperty("notes").GetString().Should().Be(VisitNotes);
        work[0].GetProperty("record").GetProperty("type").GetString().Should().Be("HomeVisit");
        work[0].GetProperty("accessedBy").EnumerateArray().Should().Contain(e =>
            e.GetProperty("action").GetString() == "intervention.log" && e.GetProperty("actorName").GetString() == "Priya Shah");
        Records(export, "offences").Should().HaveCount(15);
        Records(export, "offences").Should().OnlyContain(o => o.GetProperty("record").GetProperty("offenceTypeName").GetString() == "Theft (including shoplifting)");
        var cases = Records(export, "cases");
        cases.Should().ContainSingle();
        cases[0].GetProperty("id").GetGuid().Should().Be(caseId);
        cases[0].GetProperty("record").GetProperty("cohort").GetString().Should().NotBeNullOrEmpty();
        cases[0].GetProperty("record").GetProperty("exitNominations").GetArrayLength().Should().Be(1);
        Records(export, "reviews").Should().NotBeEmpty("an open case has its next review scheduled");
        Records(export, "breakGlass").Should().ContainSingle().Which.GetProperty("record").GetProperty("userName").GetString().Should().Be("Gill Armstrong");
        export.GetProperty("personAccessedBy").EnumerateArray().Should().Contain(e => e.GetProperty("action").GetString() == "person.create");
    }

    [Fact]
    public async Task SubjectAccessPage_OfAPersonWithWorkAndOffences_ShowsTheNotesAndEveryOffence()
    {
        var (person, _) = await PersonWithWorkAsync("Rook", 15);
        var ig = await SignedInBrowserAsync(DemoUsers.InformationGovernance);

        var html = await ig.GetStringAsync($"/governance/subject-access/{person}");

        html.Should().Contain(WebUtility.HtmlEncode(VisitNotes)).And.Contain("Home visit");
        Regex.Count(Section(html, "sar-offences"), "<tr class=\"govuk-table__row\">").Should().Be(16, "a header row and 15 offences");
        html.Should().Contain("data-testid=\"sar-cases\"").And.Contain("data-testid=\"sar-reviews\"").And.Contain("data-testid=\"sar-interventions\"");
        html.Should().Contain("Priya Shah (POLICE)");
        html.Should().Contain("role=\"region\"").And.Contain("tabindex=\"0\"");
    }

    [Fact]
    public async Task SubjectAccessSearch_ByName_FindsThePersonInAnyAgency_AndLinksToTheirExport_Audited()
    {
        var adam = await factory.QueryDbAsync(db => db.People.Where(p => p.FamilyName == "Ashby").Select(p => p.Id.Value).SingleAsync());
        var ig = await SignedInBrowserAsync(DemoUsers.InformationGovernance);
        var before = await factory.AuditCountAsync("governance.people-search");

        var html = await ig.GetStringAsync("/governance/subject-access?Input.Search=adam+ashby&Input.ReceivedOn.Day=3&Input.ReceivedOn.Month=11&Input.ReceivedOn.Year=2026");
        var none = await ig.GetStringAsync("/governance/subject-access?Input.Search=Nobodyhere");
        var empty = await ig.GetStringAsync("/governance/subject-access?Input.Search=");

        html.Should().Contain("Adam Ashby").And.Contain("1 person found");
        html.Should().Contain($"href=\"/governance/subject-access/{adam}?receivedOn=2026-11-03\"");
        none.Should().Contain("data-testid=\"no-subject-matches\"");
        empty.Should().Contain("There is a problem").And.Contain("Enter the person&#x27;s name");
        (await factory.AuditCountAsync("governance.people-search")).Should().Be(before + 2);
    }

    [Fact]
    public async Task SubjectAccessSearch_AsACaseworker_IsForbidden()
    {
        var police = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var response = await police.GetAsync("/governance/subject-access?Input.Search=Ashby");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/forbidden");
    }

    [Fact]
    public async Task AuditSearch_ByPersonAndUserName_SaysWhatItHolds_InPlainWordsWithNames()
    {
        var (person, _) = await PersonWithWorkAsync("Sparrow", 1);
        var ig = await SignedInBrowserAsync(DemoUsers.InformationGovernance);

        var html = await ig.GetStringAsync("/governance/audit?Input.PersonId=Sparrow&Input.UserId=priya");

        html.Should().Contain("About Sam Sparrow, born 2 February 1990").And.Contain("By Priya Shah (iom.officer@police.demo)");
        html.Should().Contain("Logged work on a case").And.Contain("Registered a person").And.Contain("Sam Sparrow");
        html.Should().NotContain(">command.").And.NotContain(">intervention.log<");
        html.Should().NotContain("Gill Armstrong", "only Priya Shah's entries were asked for");
        html.Should().Contain($"Input.PersonId={person}");
    }

    [Fact]
    public async Task AuditSearch_ByANameSeveralPeopleHave_OffersEachToChoose()
    {
        await PersonWithWorkAsync("Thrush", 0);
        await PersonWithWorkAsync("Thrushcross", 0);
        var ig = await SignedInBrowserAsync(DemoUsers.InformationGovernance);

        var html = await ig.GetStringAsync("/governance/audit?Input.PersonId=thrush");
        var unknown = await ig.GetStringAsync("/governance/audit?Input.PersonId=Zzyzx");

        Regex.Count(html, "data-testid=\"person-choice\"").Should().Be(2);
        html.Should().NotContain("data-testid=\"audit-table\"");
        unknown.Should().Contain("There is a problem").And.Contain("Nobody called &quot;Zzyzx&quot;");
    }

    [Fact]
    public async Task AuditCsv_FromThePageAndTheApi_IsTextCsvOfTheSameFilters_WithFormulaCellsNeutralised()
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var created = await police.PostAsJsonAsync("/api/v1/people", new { givenName = "=HYPERLINK(\"http://evil.example\")", familyName = "Formula", dateOfBirth = "1991-01-01" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var person = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var ig = await SignedInBrowserAsync(DemoUsers.InformationGovernance);
        var igApi = await factory.ApiClientForAsync(DemoUsers.InformationGovernance);

        var page = await ig.GetAsync($"/governance/audit?Input.PersonId={person}&handler=csv");
        var api = await igApi.GetAsync($"/api/v1/audit/export?personId={person}");
        var refused = await police.GetAsync($"/api/v1/audit/export?personId={person}");

        foreach (var response in new[] { page, api })
        {
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
            var csv = await response.Content.ReadAsStringAsync();
            csv.Should().StartWith("Entry,Time,User,User's email,User's agency,Action,Action code,");
            csv.Should().Contain("Registered a person,person.create").And.Contain("Priya Shah,iom.officer@police.demo,POLICE");
            csv.Should().Contain("\"'=HYPERLINK(\"\"http://evil.example\"\") Formula\"").And.NotContain(",=HYPERLINK").And.NotContain(",\"=HYPERLINK");
        }

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await factory.AuditCountAsync("audit.export")).Should().BeGreaterThanOrEqualTo(2);
    }

    [Fact]
    public async Task AuditPage_LinksItsCsvDownload_WithTheNamesResolvedToIds()
    {
        var (person, _) = await PersonWithWorkAsync("Wren", 0);
        var ig = await SignedInBrowserAsync(DemoUsers.InformationGovernance);

        var html = await ig.GetStringAsync("/governance/audit?Input.PersonId=Sam+Wren");

        html.Should().Contain($"/governance/audit?Input.PersonId={person}&amp;handler=csv");
    }

    [Fact]
    public async Task BreakGlassQueue_ShowsWhoBrokeGlassAndOnWhom_ByName()
    {
        var (person, _) = await PersonWithWorkAsync("Starling", 0);
        var ig = await SignedInBrowserAsync(DemoUsers.InformationGovernance);

        var html = await ig.GetStringAsync("/governance/break-glass?page=1");

        html.Should().Contain("Gill Armstrong").And.Contain("Sam Starling");
        html.Should().NotContain($"for person {person}");
    }

    /// <summary>A new person with a police IOM case, a home visit, offences, a nominated exit and a break-glass use.</summary>
    private async Task<(Guid Person, Guid Case)> PersonWithWorkAsync(string familyName, int offences)
    {
        var police = await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker);
        var created = await police.PostAsJsonAsync("/api/v1/people", new { givenName = "Sam", familyName, dateOfBirth = "1990-02-02" });
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var person = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var opened = await police.PostAsJsonAsync("/api/v1/cases", new
        {
            personId = person,
            scheme = "Iom",
            startDate = "2026-09-01",
            cohort = "Fixed",
            tier = "Red",
            selectionReason = "Prolific acquisitive offending",
        });
        opened.StatusCode.Should().Be(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var caseId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        (await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/interventions", new
        {
            type = "HomeVisit",
            occurredAt = "2026-11-20T10:30:00+00:00",
            durationMinutes = 40,
            outcome = "Seen",
            notes = VisitNotes,
        })).StatusCode.Should().Be(HttpStatusCode.Created);
        for (var i = 0; i < offences; i++)
        {
            (await police.PostAsJsonAsync($"/api/v1/people/{person}/offences", new { offenceType = "Theft", committedOn = $"2026-0{1 + (i % 9)}-1{i % 10}" }))
                .StatusCode.Should().Be(HttpStatusCode.Created);
        }

        (await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/exit-nomination", new { reason = "NoOffendingForPeriod", note = "No offending for six months" }))
            .IsSuccessStatusCode.Should().BeTrue();
        await factory.SendAsAsync<BreakGlassView>(DemoUsers.ProbationCaseworker,
            new UseBreakGlassCommand(new(person), "Threat to a child reported tonight", RiskCategory.RiskToLife));
        return (person, caseId);
    }

    private static List<JsonElement> Records(JsonElement export, string kind) =>
        export.GetProperty("records").EnumerateArray().Single(s => s.GetProperty("kind").GetString() == kind).GetProperty("records").EnumerateArray().ToList();

    private static string Section(string html, string testId)
    {
        var start = html.IndexOf($"data-testid=\"{testId}\"", StringComparison.Ordinal);
        start.Should().BePositive();
        return html[start..html.IndexOf("</table>", start, StringComparison.Ordinal)];
    }

    private HttpClient NewBrowser() =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private async Task<HttpClient> SignedInBrowserAsync(string email)
    {
        var client = NewBrowser();
        var form = await client.GetStringAsync("/account/sign-in");
        var response = await client.PostAsync("/account/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = factory.DemoPassword,
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
        }));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "signing in as {0} should succeed", email);
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
