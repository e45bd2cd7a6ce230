using System.Net;
using CaseManager.Application.Users;
using CaseManager.Application.Users.CreateUser;
using CaseManager.Domain.Users;
using CaseManager.TestSupport;
using CaseManager.Web.Pages.Admin.Jobs;

namespace CaseManager.Web.FunctionalTests;

public sealed partial class PageTests
{
    [Fact]
    public async Task UsersPage_ShowsWhenEachUserLastSignedIn()
    {
        var created = await factory.SendAsAsync<UserAccount>(DemoUsers.Administrator,
            new CreateUserCommand("never.signed.in@police.demo", "Nora Neversigned", "POLICE", [Role.Caseworker], "a long enough passphrase here"));
        var admin = await SignedInBrowserAsync(DemoUsers.Administrator);

        var html = await admin.GetStringAsync("/admin/users?search=never.signed.in");
        var own = await admin.GetStringAsync("/admin/users?search=admin%40council.demo");

        html.Should().Contain("Last signed in").And.Contain(created.DisplayName);
        html.Should().Contain("data-testid=\"last-sign-in\">Never</td>");
        own.Should().NotContain("data-testid=\"last-sign-in\">Never</td>", "the administrator has just signed in")
            .And.MatchRegex("data-testid=\"last-sign-in\">\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}</td>");
    }

    [Fact]
    public async Task JobsPage_ShowsSchedulesInWordsAndTimesInThePartnershipsZone()
    {
        var admin = await SignedInBrowserAsync(DemoUsers.Administrator);

        var response = await admin.GetAsync("/admin/jobs");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.Should().Contain("Every day at 07:00", "the review reminders run at 07:00 partnership time").And.Contain("Every day at 02:30");
        html.Should().Contain("Europe/London").And.NotContain("(UTC)").And.NotContain("<code>");
    }

    [Theory]
    [InlineData("0 7 * * *", "Every day at 07:00")]
    [InlineData("30 2 * * 1", "Every Monday at 02:30")]
    [InlineData("0 9 * * 1-5", "Every weekday (Monday to Friday) at 09:00")]
    [InlineData("15 6 1 * *", "On day 1 of every month at 06:15")]
    [InlineData("*/5 * * * *", "Every 5 minutes")]
    [InlineData("0 * * * *", "Every hour, on the hour")]
    [InlineData("20 * * * *", "Every hour at 20 minutes past")]
    [InlineData("0 7 * 1 *", "Cron schedule 0 7 * 1 *")]
    [InlineData("0 7,19 * * *", "Cron schedule 0 7,19 * * *")]
    public void CronWords_SaysCommonSchedulesInWords_AndShowsOthersAsTheyAre(string cron, string words) =>
        CronWords.Of(cron).Should().Be(words);

    [Fact]
    public async Task ChangeUserPage_ChangesAgencyAndRoles_AndShowsErrorsOnTheForm()
    {
        var created = await factory.SendAsAsync<UserAccount>(DemoUsers.Administrator,
            new CreateUserCommand("moved.by.page@police.demo", "Pat Pagemoved", "POLICE", [Role.Caseworker], "a long enough passphrase here"));
        var admin = await SignedInBrowserAsync(DemoUsers.Administrator);
        var url = $"/admin/users/{created.Id}/edit";

        var list = await admin.GetStringAsync("/admin/users?search=moved.by.page");
        var form = await admin.GetStringAsync(url);
        var noRoles = await PostFormAsync(admin, url, new() { ["Input.AgencyCode"] = "PROBATION" });
        var saved = await PostFormAsync(admin, url, new() { ["Input.AgencyCode"] = "PROBATION", ["Input.Roles"] = "Manager" });

        list.Should().Contain($"href=\"{url}\"");
        form.Should().Contain("Change Pat Pagemoved").And.Contain("value=\"Caseworker\" checked");
        (await noRoles.Content.ReadAsStringAsync()).Should().Contain("There is a problem").And.Contain("Select at least one role");
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var account = await factory.SendAsAsync<UserAccount>(DemoUsers.Administrator, new Application.Users.GetUser.GetUserQuery(created.Id));
        account.AgencyCode.Should().Be("PROBATION");
        account.Roles.Should().Equal(Role.Manager);
    }
}
