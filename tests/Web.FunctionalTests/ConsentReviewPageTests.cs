using System.Net;
using CaseManager.Application.Consents;
using CaseManager.Application.Consents.RecordConsent;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Sharing;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CaseManager.Web.FunctionalTests;

public sealed partial class PageTests
{
    [Fact]
    public async Task ReviewsPage_ConsentReviewDue_LinksToItsConsentReviewForm_WhichRecordsIt()
    {
        var adam = await factory.QueryDbAsync(db => db.People.Where(p => p.FamilyName == "Ashby" && p.GivenName == "Adam").Select(p => p.Id).SingleAsync());
        var consent = await factory.SendAsAsync<ConsentView>(DemoUsers.PoliceCaseworker, new RecordConsentCommand(
            adam, Scheme.Iom, ["PROBATION"], [DataCategory.Offending], ConsentStatus.Given, ConsentGivenBy.Self, new DateOnly(2026, 1, 5), new DateOnly(2026, 11, 30), null));
        var reviewId = await factory.QueryDbAsync(db => db.Reviews.Where(r => r.ConsentId == new ConsentId(consent.Id)).Select(r => r.Id).SingleAsync());
        var caseworker = await SignedInBrowserAsync(DemoUsers.PoliceCaseworker);
        var url = $"/people/{adam}/consents/{consent.Id}/reviews/{reviewId}/complete";

        var list = await (await caseworker.GetAsync("/reviews?show=Due")).Content.ReadAsStringAsync();
        var form = await caseworker.GetAsync(url);
        var tooEarly = await PostFormAsync(caseworker, url, new()
        {
            ["Input.CompletedOn.Day"] = "4",
            ["Input.CompletedOn.Month"] = "1",
            ["Input.CompletedOn.Year"] = "2026",
            ["Input.Summary"] = "Spoke to him",
        });
        var recorded = await PostFormAsync(caseworker, url, new()
        {
            ["Input.CompletedOn.Day"] = "25",
            ["Input.CompletedOn.Month"] = "11",
            ["Input.CompletedOn.Year"] = "2026",
            ["Input.Summary"] = "Could not reach him; consent lapses",
        });

        list.Should().Contain("Consent review").And.Contain($"href=\"{url}\"");
        form.StatusCode.Should().Be(HttpStatusCode.OK);
        (await form.Content.ReadAsStringAsync()).Should().Contain("Record a consent review").And.Contain("Adam Ashby");
        (await tooEarly.Content.ReadAsStringAsync()).Should().Contain("The review date cannot be before the consent was recorded");
        recorded.StatusCode.Should().Be(HttpStatusCode.Redirect);
        recorded.Headers.Location!.ToString().Should().Be($"/people/{adam}?section=consent");
        var stored = await factory.QueryDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.Id == reviewId));
        stored.Status.Should().Be(ReviewStatus.Completed);
        stored.CompletedOn.Should().Be(new DateOnly(2026, 11, 25));
    }
}
