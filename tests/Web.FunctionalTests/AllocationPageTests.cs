using System.Text.Json;
using System.Net.Http.Json;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CaseManager.Application.Cases;
using CaseManager.Application.Cases.Exits.ApproveExit;
using CaseManager.Application.Cases.Exits.NominateExit;
using CaseManager.Application.Cases.UpdateIomDetails;
using CaseManager.Application.Users;
using CaseManager.Application.Users.CreateUser;
using CaseManager.Application.Users.DisableUser;
using CaseManager.Domain.Auditing;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Users;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.FunctionalTests;

public sealed partial class PageTests
{
    [Fact]
    public async Task AllocatePage_ForManager_OffersOnlyTheirAgencysActiveWorkersByNameWithTheCurrentOneChecked()
    {
        await NewUserAsync("aaron.able@police.demo", "Aaron Able", "POLICE", Role.Caseworker);
        var leaver = await NewUserAsync("dora.left@police.demo", "Dora Left", "POLICE", Role.Caseworker);
        await factory.SendAsAsync<Mediator.Unit>(DemoUsers.Administrator, new DisableUserCommand(leaver.Id));
        await NewUserAsync("clara.claims@police.demo", "Clara Claims", "POLICE", Role.ClaimsOfficer);
        await NewUserAsync("bob.both@probation.demo", "Bob Both", "PROBATION", Role.Caseworker, Role.Manager);
        var opened = await NewIomCaseAsync(DemoUsers.PoliceCaseworker, "Allocatable");
        var priya = await UserIdAsync(DemoUsers.PoliceCaseworker);
        var manager = await SignedInBrowserAsync(DemoUsers.PoliceManager);

        var response = await manager.GetAsync($"/cases/{opened.Id}/allocate");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        RadioLabels().Matches(html).Select(m => m.Groups[1].Value).Should().Equal("Aaron Able", "Mark Hendry", "Priya Shah");
        CheckedRadios().Matches(html).Select(m => m.Groups[1].Value).Should().Equal(priya.ToString());
        html.Should().Contain("Caseworker, iom.officer@police.demo").And.Contain("Manager, iom.manager@police.demo");
        html.Should().Contain($"name=\"Input.Version\" value=\"{opened.Version.ToString(CultureInfo.InvariantCulture)}\"");
        html.Should().Contain("The case is allocated to Priya Shah now.");
    }

    [Fact]
    public async Task AllocatePage_SavingAnotherWorker_AllocatesTheCaseAuditsItAndSaysSo()
    {
        var opened = await NewIomCaseAsync(DemoUsers.PoliceCaseworker, "Reallocated");
        var mark = await UserIdAsync(DemoUsers.PoliceManager);
        var manager = await SignedInBrowserAsync(DemoUsers.PoliceManager);

        var response = await PostFormAsync(manager, $"/cases/{opened.Id}/allocate", new()
        {
            ["Input.Version"] = opened.Version.ToString(CultureInfo.InvariantCulture),
            ["Input.AllocatedTo"] = mark.ToString(),
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be($"/cases/{opened.Id}");
        var casePage = await manager.GetStringAsync($"/cases/{opened.Id}");
        casePage.Should().Contain("Case allocated to Mark Hendry");
        var stored = await StoredAllocationAsync(opened.Id);
        stored.AllocatedTo.Should().Be(mark);
        stored.Version.Should().Be(opened.Version + 1);
        var audited = await factory.QueryDbAsync(db => db.AuditEntries
            .Where(a => a.Action == "case.allocate" && a.EntityId == opened.Id.ToString())
            .Select(a => new { a.Outcome, a.ActorEmail })
            .ToListAsync());
        audited.Should().ContainSingle().Which.Should().Be(new { Outcome = AuditOutcome.Allowed, ActorEmail = DemoUsers.PoliceManager });
    }

    [Fact]
    public async Task AllocatePage_WithNoWorkerChosen_ShowsTheErrorAndChangesNothing()
    {
        var opened = await NewIomCaseAsync(DemoUsers.PoliceCaseworker, "Unchosen");
        var priya = await UserIdAsync(DemoUsers.PoliceCaseworker);
        var manager = await SignedInBrowserAsync(DemoUsers.PoliceManager);

        var response = await PostFormAsync(manager, $"/cases/{opened.Id}/allocate", new()
        {
            ["Input.Version"] = opened.Version.ToString(CultureInfo.InvariantCulture),
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("There is a problem").And.Contain("<a href=\"#Input_AllocatedTo\">Select the worker</a>");
        html.Should().Contain("id=\"Input_AllocatedTo-error\"").And.Contain("govuk-form-group--error");
        html.Should().Contain("data-testid=\"allocate-form\"").And.NotContain("data-testid=\"stale-edit\"");
        var stored = await StoredAllocationAsync(opened.Id);
        stored.AllocatedTo.Should().Be(priya);
        stored.Version.Should().Be(opened.Version);
        (await AllocationAuditsAsync(opened.Id)).Should().Be(0);
    }

    [Fact]
    public async Task AllocatePage_AfterSomeoneElseChangedTheCase_ShowsTheStaleWarningAndChangesNothing()
    {
        var opened = await NewIomCaseAsync(DemoUsers.PoliceCaseworker, "Staleallocation");
        await factory.SendAsAsync<CaseView>(DemoUsers.PoliceCaseworker,
            new UpdateIomDetailsCommand(new CaseId(opened.Id), opened.Version, "Fixed", "Red", "Raised to red at the panel"));
        var priya = await UserIdAsync(DemoUsers.PoliceCaseworker);
        var mark = await UserIdAsync(DemoUsers.PoliceManager);
        var manager = await SignedInBrowserAsync(DemoUsers.PoliceManager);

        var response = await PostFormAsync(manager, $"/cases/{opened.Id}/allocate", new()
        {
            ["Input.Version"] = opened.Version.ToString(CultureInfo.InvariantCulture),
            ["Input.AllocatedTo"] = mark.ToString(),
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("data-testid=\"stale-edit\"").And.Contain("Someone else changed this case");
        html.Should().Contain($"href=\"/cases/{opened.Id}/allocate\">Open the latest version</a>");
        var stored = await StoredAllocationAsync(opened.Id);
        stored.AllocatedTo.Should().Be(priya);
        stored.Version.Should().Be(opened.Version + 1, "only the IOM change was saved");
        (await AllocationAuditsAsync(opened.Id)).Should().Be(0);
    }

    [Fact]
    public async Task AllocatePage_ForCaseworker_IsForbiddenAndChangesNothing()
    {
        var opened = await NewIomCaseAsync(DemoUsers.PoliceCaseworker, "Caseworkerallocates");
        var priya = await UserIdAsync(DemoUsers.PoliceCaseworker);
        var mark = await UserIdAsync(DemoUsers.PoliceManager);
        var caseworker = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var page = await caseworker.GetAsync($"/cases/{opened.Id}/allocate");
        var posted = await PostFormAsync(caseworker, $"/cases/{opened.Id}/allocate", new()
        {
            ["Input.Version"] = opened.Version.ToString(CultureInfo.InvariantCulture),
            ["Input.AllocatedTo"] = mark.ToString(),
        }, tokenPage: "/");

        page.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().Should().Contain("/forbidden");
        posted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        posted.Headers.Location!.ToString().Should().Contain("/forbidden");
        (await StoredAllocationAsync(opened.Id)).AllocatedTo.Should().Be(priya);
        (await AllocationAuditsAsync(opened.Id)).Should().Be(0);
    }

    [Fact]
    public async Task AllocatePage_ForAManagerOfAnotherAgency_IsNotFoundOrForbiddenAndChangesNothing()
    {
        var opened = await NewIomCaseAsync(DemoUsers.PoliceCaseworker, "Otheragency");
        var priya = await UserIdAsync(DemoUsers.PoliceCaseworker);
        var fitManager = await SignedInBrowserAsync(DemoUsers.FitManager);
        var probationManager = await SignedInBrowserAsync(DemoUsers.ProbationManager);
        var path = $"/cases/{opened.Id}/allocate";
        var version = opened.Version.ToString(CultureInfo.InvariantCulture);

        var unseen = await fitManager.GetAsync(path);
        var unseenPost = await PostFormAsync(fitManager, path, new() { ["Input.Version"] = version, ["Input.AllocatedTo"] = priya.ToString() }, tokenPage: "/");
        var unseenEmptyPost = await PostFormAsync(fitManager, path, new() { ["Input.Version"] = version }, tokenPage: "/");
        var shared = await probationManager.GetAsync(path);
        var sharedPost = await PostFormAsync(probationManager, path, new() { ["Input.Version"] = version, ["Input.AllocatedTo"] = priya.ToString() }, tokenPage: "/");

        unseen.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unseen.Content.ReadAsStringAsync()).Should().Contain("Page not found").And.NotContain("Otheragency");
        unseenPost.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unseenEmptyPost.StatusCode.Should().Be(HttpStatusCode.NotFound);
        shared.StatusCode.Should().Be(HttpStatusCode.Redirect);
        shared.Headers.Location!.ToString().Should().Contain("/forbidden");
        sharedPost.StatusCode.Should().Be(HttpStatusCode.Redirect);
        sharedPost.Headers.Location!.ToString().Should().Contain("/forbidden");
        (await StoredAllocationAsync(opened.Id)).Version.Should().Be(opened.Version);
        (await AllocationAuditsAsync(opened.Id)).Should().Be(0);
    }

    [Fact]
    public async Task CasePage_ChangeAllocationLink_IsShownOnlyToAManagerOfTheOwningAgencyWhileTheCaseIsOpen()
    {
        var opened = await NewIomCaseAsync(DemoUsers.PoliceCaseworker, "Linkcheck");
        var exited = await NewIomCaseAsync(DemoUsers.PoliceCaseworker, "Linkexited");
        await factory.SendAsAsync<CaseView>(DemoUsers.PoliceCaseworker, new NominateExitCommand(new CaseId(exited.Id), ExitReason.MovedOutOfArea, "Moved to Leeds"));
        await factory.SendAsAsync<CaseView>(DemoUsers.PoliceManager, new ApproveExitCommand(new CaseId(exited.Id)));
        var manager = await SignedInBrowserAsync(DemoUsers.PoliceManager);
        var caseworker = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);
        var probationManager = await SignedInBrowserAsync(DemoUsers.ProbationManager);
        var link = $"href=\"/cases/{opened.Id}/allocate\" data-testid=\"change-allocation\"";

        var managersPage = await manager.GetStringAsync($"/cases/{opened.Id}");
        var caseworkersPage = await caseworker.GetStringAsync($"/cases/{opened.Id}");
        var partnersPage = await probationManager.GetStringAsync($"/cases/{opened.Id}");
        var exitedPage = await manager.GetStringAsync($"/cases/{exited.Id}");
        var exitedForm = await manager.GetStringAsync($"/cases/{exited.Id}/allocate");

        managersPage.Should().Contain(link).And.Contain("Change<span class=\"govuk-visually-hidden\"> allocated worker</span>");
        managersPage.Should().Contain("govuk-summary-list__row--no-actions");
        caseworkersPage.Should().NotContain("change-allocation").And.NotContain("govuk-summary-list__row--no-actions");
        partnersPage.Should().NotContain("change-allocation");
        exitedPage.Should().NotContain("change-allocation");
        exitedForm.Should().Contain("data-testid=\"case-closed\"").And.NotContain("data-testid=\"allocate-form\"");
    }

    [Fact]
    public async Task AllocationWorkersRoute_ForTheOwningManager_ListsTheirWorkers_AndRefusesEveryoneElse()
    {
        var opened = await NewIomCaseAsync(DemoUsers.PoliceCaseworker, "Apiworkers");
        var route = $"/api/v1/cases/{opened.Id}/allocation/workers";

        var workers = await (await factory.ApiClientForAsync(DemoUsers.PoliceManager)).GetFromJsonAsync<JsonElement>(route);
        var asCaseworker = await (await factory.ApiClientForAsync(DemoUsers.PoliceCaseworker)).GetAsync(route);
        var asSharingPartner = await (await factory.ApiClientForAsync(DemoUsers.ProbationManager)).GetAsync(route);
        var asStranger = await (await factory.ApiClientForAsync(DemoUsers.FitManager)).GetAsync(route);

        var emails = workers.EnumerateArray().Select(w => w.GetProperty("email").GetString()).ToList();
        emails.Should().Contain([DemoUsers.PoliceCaseworker, DemoUsers.PoliceManager]);
        emails.Should().NotContain([DemoUsers.ProbationCaseworker, DemoUsers.ProbationManager, DemoUsers.ClaimsOfficer, DemoUsers.Administrator]);
        asCaseworker.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        asSharingPartner.StatusCode.Should().Be(HttpStatusCode.Forbidden, "probation may read the IOM case but not allocate police's workers");
        asStranger.StatusCode.Should().Be(HttpStatusCode.NotFound, "FIT may not know the case exists");
    }

    private async Task<UserAccount> NewUserAsync(string email, string displayName, string agency, params Role[] roles) =>
        await factory.SendAsAsync<UserAccount>(DemoUsers.Administrator, new CreateUserCommand(email, displayName, agency, roles, "Allocation-Test-Password-2026"));

    private async Task<Guid> UserIdAsync(string email) => (await factory.ActorForAsync(email)).UserId!.Value;

    private Task<StoredAllocation> StoredAllocationAsync(Guid caseId) =>
        factory.QueryDbAsync(db => db.Cases.Where(c => c.Id == new CaseId(caseId)).Select(c => new StoredAllocation(c.AllocatedTo, c.Version)).SingleAsync());

    private Task<int> AllocationAuditsAsync(Guid caseId) =>
        factory.QueryDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "case.allocate" && a.Outcome == AuditOutcome.Allowed && a.EntityId == caseId.ToString()));

    [GeneratedRegex("<label class=\"govuk-label govuk-radios__label\" for=\"Input_AllocatedTo[^\"]*\">([^<]+)</label>")]
    private static partial Regex RadioLabels();

    [GeneratedRegex("name=\"Input.AllocatedTo\" type=\"radio\" value=\"([^\"]+)\" checked")]
    private static partial Regex CheckedRadios();

    private sealed record StoredAllocation(Guid? AllocatedTo, int Version);
}
