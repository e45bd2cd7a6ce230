using System.Globalization;
using CaseManager.Application.Cases;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.People;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using CaseManager.Web.BrowserTests.Support;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CaseManager.Web.BrowserTests;

public sealed class NotificationJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ReviewReminders_ShowUnreadCountAndNotificationsThatCaseworkerMarksRead()
    {
        var person = await browser.App.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceCaseworker,
            new RegisterPersonCommand("Rita", UniqueName.Of("Reminder"), new DateOnly(1990, 5, 6)));
        await browser.App.SendAsAsync<CaseView>(DemoUsers.PoliceCaseworker,
            new OpenCaseCommand(Scheme.Iom, new PersonId(person.Id), new DateOnly(2026, 11, 1), Cohort: "Fixed", SelectionReason: "Panel decision"));
        await browser.App.Services.GetRequiredService<ReviewRemindersJob>().Run(CancellationToken.None);
        await using var officer = await browser.NewSessionAsync();
        var page = officer.Page;

        await officer.SignInAsync(DemoUsers.PoliceCaseworker);
        var before = int.Parse(await page.GetByTestId("unread-count").InnerTextAsync(), CultureInfo.InvariantCulture);
        await officer.ClickAsync(page.GetByTestId("header-notifications"));

        Assert.True(before > 0, "the job left the officer unread notifications");
        await Expect(page.GetByTestId("notifications-table")).ToContainTextAsync("Integrated Offender Management review due on 29 November 2026");

        await officer.ClickAsync(page.GetByTestId("notification-row").Filter(new() { HasText = "due on 29 November 2026" }).GetByTestId("mark-read"));

        await Expect(page.GetByTestId("success-banner")).ToContainTextAsync("Notification marked as read");
        await Expect(page.GetByTestId("unread-count")).ToHaveTextAsync((before - 1).ToString(CultureInfo.InvariantCulture));

        await officer.ClickAsync(page.GetByTestId("filter-unread"));

        await Expect(page.GetByTestId("notification-row")).ToHaveCountAsync(before - 1);

        await officer.VisitAsync("/reviews?show=Due");

        await Expect(page.GetByTestId("reviews-table")).ToContainTextAsync("Rita");
    }
}
