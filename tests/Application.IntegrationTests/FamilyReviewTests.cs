using CaseManager.Application.Cases;
using CaseManager.Application.Cases.Exits.NominateExit;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common.Access;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.Reviews.CompleteReview;
using CaseManager.Application.Reviews.ListReviews;
using CaseManager.Application.Users;
using CaseManager.Application.Users.CreateUser;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Households;
using CaseManager.Domain.Notifications;
using CaseManager.Domain.People;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Users;
using CaseManager.Infrastructure.Jobs;
using CaseManager.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// Family cases (DOMAIN.md FAM3) are reviewed by the one review engine: the first review on the scheme's interval
/// (FIT and HIH 42 days, Troubled Families 84 by default), the next when one is completed, the exit decision when an
/// exit is nominated; a family review is about the household, read as the family case is (IS7b), and its reminders
/// go to the lead professional. The fake clock stands on 26 November 2026.
/// </summary>
public sealed class FamilyReviewTests : IDisposable
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(CaseManagerFactory.StartOfTests.UtcDateTime);
    private readonly CaseManagerFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Theory]
    [InlineData(Scheme.Fit, 42)]
    [InlineData(Scheme.HighImpactHousehold, 42)]
    [InlineData(Scheme.TroubledFamilies, 84)]
    public async Task OpeningAFamilyCase_SchedulesItsFirstReview_OnTheSchemesInterval_AboutTheHousehold(Scheme scheme, int days)
    {
        var household = await HouseholdAsync("Interval");
        var start = Today.AddDays(-10);

        var opened = await OpenAsync(household, scheme, start);

        opened.NextReviewDue.Should().Be(start.AddDays(days));
        var review = await _factory.QueryDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.CaseId == new CaseId(opened.Id)));
        (review.Kind, review.DueOn, review.PersonId, review.HouseholdId, review.OwnerAgency.Value)
            .Should().Be((ReviewKind.Scheme, start.AddDays(days), (PersonId?)null, (HouseholdId?)household, "FIT"));
    }

    [Fact]
    public async Task AFamilyReview_IsListedForTheOwnerAndForAPartnerThroughAMember_NotForOthers_AndCompletingItSchedulesTheNext()
    {
        await _factory.TroubledFamiliesAgreementAsync([DataCategory.Identity, DataCategory.ChildrenSafeguarding]);
        var household = await HouseholdAsync("Listed");
        var opened = await OpenAsync(household, Scheme.TroubledFamilies, Today.AddDays(-80));

        var fit = await ReviewsOfAsync(DemoUsers.FitKeyworker, opened.Id);
        var daat = await ReviewsOfAsync(DemoUsers.DaatWorker, opened.Id);
        var police = await ReviewsOfAsync(DemoUsers.PoliceCaseworker, opened.Id);

        fit.Should().ContainSingle().Which.Should().Match<ReviewListItem>(r => r.PersonId == null && r.HouseholdId == household.Value && r.Access == null);
        daat.Should().ContainSingle().Which.Access!.Rule.Should().Be(AccessRules.SharingAgreement, "a member's right opens the family's records (IS7b)");
        police.Should().BeEmpty();
        var completed = await _factory.SendAsAsync<CompletedReview>(DemoUsers.FitKeyworker,
            new CompleteReviewCommand(new ReviewId(fit[0].Id), Today, "Family plan reviewed with the family"));
        completed.NextReviewDue.Should().Be(Today.AddDays(84));
    }

    [Fact]
    public async Task NominatingAFamilyCasesExit_SchedulesTheManagersDecisionAsAReview()
    {
        var household = await HouseholdAsync("Exit");
        var opened = await OpenAsync(household, Scheme.Fit, Today.AddDays(-30));

        await _factory.SendAsAsync<CaseView>(DemoUsers.FitKeyworker, new NominateExitCommand(new CaseId(opened.Id), ExitReason.OutcomesAchieved, "Plan completed"));

        var decision = await _factory.QueryDbAsync(db => db.Reviews.AsNoTracking().SingleAsync(r => r.CaseId == new CaseId(opened.Id) && r.Kind == ReviewKind.ExitDecision));
        decision.HouseholdId.Should().Be(household);
        decision.DueOn.Should().BeAfter(Today);
    }

    [Fact]
    public async Task TheRemindersJob_RemindsTheLeadProfessional_NotTheAllocatedWorker()
    {
        var lead = await _factory.SendAsAsync<UserAccount>(DemoUsers.Administrator,
            new CreateUserCommand("lead.professional@fit.demo", "Lead Professional", "FIT", [Role.Caseworker], "Lead-Professional-Password-1"));
        var household = await HouseholdAsync("Reminded");
        var opened = await OpenAsync(household, Scheme.Fit, Today.AddDays(-40), lead.Id);
        var review = await _factory.QueryDbAsync(db => db.Reviews.Where(r => r.CaseId == new CaseId(opened.Id)).Select(r => r.Id).SingleAsync());

        await _factory.Services.GetRequiredService<ReviewRemindersJob>().Run(CancellationToken.None);

        var keyworker = (await _factory.ActorForAsync(DemoUsers.FitKeyworker)).UserId!.Value;
        var notices = await _factory.QueryDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.ReviewId == review).ToListAsync());
        notices.Select(n => (n.UserId, n.Kind)).Should().BeEquivalentTo([(lead.Id, NotificationKind.ReviewDue)],
            "a family case's review is its lead professional's (due in two days), not the allocated keyworker's");
        notices.Should().NotContain(n => n.UserId == keyworker);
    }

    private async Task<List<ReviewListItem>> ReviewsOfAsync(string user, Guid caseId) =>
        [.. (await _factory.SendAsAsync<Paged<ReviewListItem>>(user, new ListReviewsQuery(PageSize: Paging.MaxPageSize))).Items.Where(r => r.CaseId == caseId)];

    private Task<CaseView> OpenAsync(HouseholdId household, Scheme scheme, DateOnly start, Guid? lead = null) =>
        _factory.SendAsAsync<CaseView>(DemoUsers.FitKeyworker, new OpenCaseCommand(scheme, default, start, HouseholdId: household, LeadProfessional: lead));

    private async Task<HouseholdId> HouseholdAsync(string name)
    {
        var household = await _factory.RecordHouseholdAsync(name, "1 Review Road");
        await _factory.AddMemberAsync(household, await _factory.RegisterAsync(name, "Mother", new DateOnly(1984, 5, 9)), Relationship.ParentCarer, Today.AddYears(-1));
        return household;
    }
}
