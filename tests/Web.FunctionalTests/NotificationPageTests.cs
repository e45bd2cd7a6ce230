using CaseManager.Domain.Cases;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Web.FunctionalTests;

public sealed partial class PageTests
{
    [Fact]
    public async Task NotificationsPage_LinksEachNotificationToItsReviewAndCase_WithTheDateInWords()
    {
        var opened = await NewIomCaseAsync(DemoUsers.PoliceCaseworker, "Notified");
        await factory.Services.GetRequiredService<ReviewRemindersJob>().Run(CancellationToken.None);
        var reviewId = await factory.QueryDbAsync(db => db.Reviews.Where(r => r.CaseId == new CaseId(opened.Id)).Select(r => r.Id).SingleAsync());
        var caseworker = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);

        var html = await caseworker.GetStringAsync("/notifications");

        html.Should().Contain($"href=\"/cases/{opened.Id}/reviews/{reviewId}/complete\"", "the review is the owning agency's to record");
        html.Should().Contain($"href=\"/cases/{opened.Id}\"").And.Contain("View the case");
        html.Should().Contain("26 November 2026", "received today, in the partnership's time zone");
    }
}
