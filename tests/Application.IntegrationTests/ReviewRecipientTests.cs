using CaseManager.Application.Cases;
using CaseManager.Application.Cases.ListCases;
using CaseManager.Application.Cases.OpenCase;
using CaseManager.Application.Common.Paging;
using CaseManager.Application.People;
using CaseManager.Application.People.RegisterPerson;
using CaseManager.Application.Reviews.ListReviews;
using CaseManager.Application.Users;
using CaseManager.Application.Users.CreateUser;
using CaseManager.Application.Users.DisableUser;
using CaseManager.Domain.Agencies;
using CaseManager.Domain.Cases;
using CaseManager.Domain.Notifications;
using CaseManager.Domain.People;
using CaseManager.Domain.Reviews;
using CaseManager.Domain.Users;
using CaseManager.Infrastructure.Jobs;
using CaseManager.Infrastructure.Persistence.Configurations;
using CaseManager.TestSupport;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CaseManager.Application.IntegrationTests;

/// <summary>
/// Who hears of a case review when its allocated worker can no longer act on it (moved to another agency, disabled,
/// or without a case-working role), and whose reviews the "allocated to me" list shows them. The review-reminders
/// job is called directly, as in <see cref="ReviewReminderTests"/>, on a fresh database per test; the fake clock
/// stands on 26 November 2026.
/// </summary>
public sealed class ReviewRecipientTests : IAsyncLifetime
{
    private const string Worker = "case.worker@police.demo";
    private readonly CaseManagerFactory _factory = new();

    public async Task InitializeAsync() =>
        await _factory.SendAsAsync<UserAccount>(DemoUsers.Administrator,
            new CreateUserCommand(Worker, "Case Worker", "POLICE", [Role.Caseworker], "Case-Worker-Password-1"));

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Run_AllocatedWorkerStillInTheOwningAgency_RemindsTheWorker()
    {
        var due = await OpenIomAllocatedToWorkerAsync(new DateOnly(2026, 11, 1));
        var overdue = await OpenIomAllocatedToWorkerAsync(new DateOnly(2026, 10, 20));

        await RunJobAsync();

        var worker = await UserIdAsync(Worker);
        var manager = await UserIdAsync(DemoUsers.PoliceManager);
        var notices = await NoticesAsync();
        notices.Where(n => n.ReviewId == due).Select(n => (n.UserId, n.Kind))
            .Should().BeEquivalentTo([(worker, NotificationKind.ReviewDue)]);
        notices.Where(n => n.ReviewId == overdue).Select(n => (n.UserId, n.Kind))
            .Should().BeEquivalentTo([(worker, NotificationKind.ReviewOverdue), (manager, NotificationKind.Escalation)]);
    }

    [Fact]
    public async Task Run_AllocatedWorkerMovedToAnotherAgency_RemindsTheOwningAgencysManagersAndNotTheWorker()
    {
        var due = await OpenIomAllocatedToWorkerAsync(new DateOnly(2026, 11, 1));
        var overdue = await OpenIomAllocatedToWorkerAsync(new DateOnly(2026, 10, 20));
        await MoveWorkerToAsync("PROBATION");

        await RunJobAsync();

        var worker = await UserIdAsync(Worker);
        var policeManager = await UserIdAsync(DemoUsers.PoliceManager);
        var notices = await NoticesAsync();
        notices.Where(n => n.ReviewId == due).Select(n => (n.UserId, n.Kind))
            .Should().BeEquivalentTo([(policeManager, NotificationKind.ReviewDue)]);
        notices.Where(n => n.ReviewId == overdue).Select(n => (n.UserId, n.Kind))
            .Should().BeEquivalentTo([(policeManager, NotificationKind.ReviewOverdue), (policeManager, NotificationKind.Escalation)]);
        notices.Should().NotContain(n => n.UserId == worker, "a worker of another agency is told nothing of the police's cases");
        (await _factory.QueryDbAsync(db => db.NotificationDigests.AnyAsync(d => d.UserId == worker))).Should().BeFalse();
    }

    [Fact]
    public async Task Run_AllocatedWorkerDisabled_RemindsTheOwningAgencysManagersAndNotTheWorker()
    {
        var due = await OpenIomAllocatedToWorkerAsync(new DateOnly(2026, 11, 1));
        await _factory.SendAsAsync<Unit>(DemoUsers.Administrator, new DisableUserCommand(await UserIdAsync(Worker)));

        await RunJobAsync();

        var policeManager = await UserIdAsync(DemoUsers.PoliceManager);
        (await NoticesAsync()).Where(n => n.ReviewId == due).Select(n => (n.UserId, n.Kind))
            .Should().BeEquivalentTo([(policeManager, NotificationKind.ReviewDue)]);
    }

    [Fact]
    public async Task Run_AllocatedWorkerNoLongerACaseworker_RemindsTheOwningAgencysManagersAndNotTheWorker()
    {
        var due = await OpenIomAllocatedToWorkerAsync(new DateOnly(2026, 11, 1));
        await MakeWorkerAClaimsOfficerAsync();

        await RunJobAsync();

        var policeManager = await UserIdAsync(DemoUsers.PoliceManager);
        (await NoticesAsync()).Where(n => n.ReviewId == due).Select(n => (n.UserId, n.Kind))
            .Should().BeEquivalentTo([(policeManager, NotificationKind.ReviewDue)]);
    }

    [Theory]
    [InlineData("FIT", false)]
    [InlineData("PROBATION", true)]
    public async Task ListReviews_AllocatedToMe_AfterTheWorkerMovedAgency_LeavesOutTheOldAgencysReviews(string newAgency, bool sharedWithNewAgency)
    {
        var review = await OpenIomAllocatedToWorkerAsync(new DateOnly(2026, 11, 1));
        var before = await _factory.SendAsAsync<Paged<ReviewListItem>>(Worker, new ListReviewsQuery(AllocatedToMe: true));

        await MoveWorkerToAsync(newAgency);
        var mine = await _factory.SendAsAsync<Paged<ReviewListItem>>(Worker, new ListReviewsQuery(AllocatedToMe: true));
        var readable = await _factory.SendAsAsync<Paged<ReviewListItem>>(Worker, new ListReviewsQuery(OwnerAgency: "POLICE"));

        before.Items.Should().Contain(i => i.Id == review.Value);
        mine.Items.Should().NotContain(i => i.Id == review.Value);

        // FIT may not read the police's IOM cases at all (the access rule hides the review); probation may, under
        // the IOM agreement, but the review is still not the worker's to answer for there.
        readable.Items.Any(i => i.Id == review.Value).Should().Be(sharedWithNewAgency);
    }

    [Fact]
    public async Task ListCases_AllocatedToMe_AfterTheWorkerMovedToAPartnerAgency_LeavesOutTheOldAgencysCases()
    {
        var review = await OpenIomAllocatedToWorkerAsync(new DateOnly(2026, 11, 1));
        var caseId = await _factory.QueryDbAsync(db => db.Reviews.Where(r => r.Id == review).Select(r => r.CaseId!.Value.Value).SingleAsync());
        var before = await _factory.SendAsAsync<Paged<CaseListItem>>(Worker, new ListCasesQuery(AllocatedToMe: true));

        await MoveWorkerToAsync("PROBATION");
        var mine = await _factory.SendAsAsync<Paged<CaseListItem>>(Worker, new ListCasesQuery(AllocatedToMe: true));
        var readable = await _factory.SendAsAsync<Paged<CaseListItem>>(Worker, new ListCasesQuery(Scheme.Iom, PageSize: 200));

        before.Items.Should().Contain(c => c.Id == caseId);
        mine.Items.Should().NotContain(c => c.Id == caseId, "a case is one's own to work only in the agency that owns it");
        readable.Items.Should().Contain(c => c.Id == caseId, "probation still reads the police's IOM case under the IOM agreement");
    }

    [Fact]
    public async Task ListReviews_AllocatedToMe_AfterTheWorkerLostTheCaseworkerRole_LeavesOutTheirReviews()
    {
        var review = await OpenIomAllocatedToWorkerAsync(new DateOnly(2026, 11, 1));

        await MakeWorkerAClaimsOfficerAsync();
        var mine = await _factory.SendAsAsync<Paged<ReviewListItem>>(Worker, new ListReviewsQuery(AllocatedToMe: true));
        var readable = await _factory.SendAsAsync<Paged<ReviewListItem>>(Worker, new ListReviewsQuery(OwnerAgency: "POLICE"));

        mine.Items.Should().NotContain(i => i.Id == review.Value);
        readable.Items.Should().Contain(i => i.Id == review.Value, "a claims officer still reads their agency's reviews");
    }

    private async Task RunJobAsync() =>
        await _factory.Services.GetRequiredService<ReviewRemindersJob>().Run(CancellationToken.None);

    private Task<List<Notification>> NoticesAsync() =>
        _factory.QueryDbAsync(db => db.Notifications.AsNoTracking().ToListAsync());

    private async Task<Guid> UserIdAsync(string email) => (await _factory.ActorForAsync(email)).UserId!.Value;

    private Task<int> MoveWorkerToAsync(string agency) =>
        _factory.QueryDbAsync(db => db.Users.Where(u => u.Email == Worker).ExecuteUpdateAsync(s => s.SetProperty(u => u.AgencyCode, agency)));

    /// <summary>Still an active user of the police, but now a claims officer: no longer one a case is allocated to.</summary>
    private async Task MakeWorkerAClaimsOfficerAsync()
    {
        var worker = await UserIdAsync(Worker);
        await _factory.QueryDbAsync(async db =>
        {
            db.UserRoles.Remove(await db.UserRoles.SingleAsync(r => r.UserId == worker));
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = worker, RoleId = RoleConfiguration.RoleIds[Role.ClaimsOfficer] });
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>An IOM case opened by the police's manager and allocated to the worker, and its open review.</summary>
    private async Task<ReviewId> OpenIomAllocatedToWorkerAsync(DateOnly start)
    {
        var person = await _factory.SendAsAsync<PersonDetailsView>(DemoUsers.PoliceManager,
            new RegisterPersonCommand("Review", "Subject" + string.Concat(Guid.NewGuid().ToString("N")[..8].Select(c => (char)('a' + (c % 26)))), new DateOnly(1990, 1, 1)));
        var opened = await _factory.SendAsAsync<CaseView>(DemoUsers.PoliceManager,
            new OpenCaseCommand(Scheme.Iom, new PersonId(person.Id), start, AllocatedTo: await UserIdAsync(Worker), Cohort: "Fixed", SelectionReason: "Panel decision"));
        var caseId = new CaseId(opened.Id);
        return await _factory.QueryDbAsync(db => db.Reviews.Where(r => r.CaseId == caseId).Select(r => r.Id).SingleAsync());
    }
}
